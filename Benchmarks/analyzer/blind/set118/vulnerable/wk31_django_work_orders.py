"""Work-order board for the repair shop (Django views)."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe

log = logging.getLogger("shop.work_orders")

SORTABLE = {"promised_at", "opened_at", "bay", "status"}


def _order_clause(request) -> str:
    sort = request.GET.get("sort", "promised_at")
    direction = "DESC" if request.GET.get("dir") == "desc" else "ASC"
    return f"{sort} {direction}"


def fetch_orders(technician: str, status: str, order_by: str):
    sql = (
        "SELECT id, ro_number, vehicle, bay, status, technician, notes, promised_at "
        "FROM shop_workorder WHERE technician = '%s' AND status = '%s' ORDER BY %s"
        % (technician, status, order_by)
    )
    with connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def notes_badge(order: dict) -> str:
    notes = order.get("notes") or ""
    if not notes:
        return ""
    return mark_safe(f'<span class="wo-note" title="customer note">{notes}</span>')  # VULN flow


@login_required
def board(request):
    technician = request.GET.get("tech", request.user.username)
    status = request.GET.get("status", "open")
    orders = fetch_orders(technician, status, _order_clause(request))
    for order in orders:
        order["notes_html"] = notes_badge(order)
    log.info("board viewed by %s: %d orders", request.user.username, len(orders))
    return render(request, "shop/board.html", {"orders": orders, "tech": technician})


@login_required
def board_json(request):
    technician = request.GET.get("tech", request.user.username)
    orders = fetch_orders(technician, "open", "promised_at ASC")
    return JsonResponse({"orders": orders}, json_dumps_params={"default": str})

"""Back-office order views for the shop app."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from .models import Order

logger = logging.getLogger(__name__)

SORTABLE = {"created": "o.created_at", "total": "o.total_cents", "status": "o.status"}
PAGE_SIZE = 200


class OrderFilter:
    """Collects the optional search parameters from the query string."""

    def __init__(self, params):
        self.status = params.get("status")
        self.customer = params.get("customer")
        self.min_total = params.get("min_total")
        self.sort = params.get("sort", "created")

    def where_clause(self):
        clauses = ["1=1"]
        args = []
        if self.status:
            clauses.append("o.status = %s")
            args.append(self.status)
        if self.customer:
            clauses.append("c.email LIKE %s")
            args.append(f"%{self.customer}%")
        if self.min_total:
            clauses.append("o.total_cents >= %s")
            args.append(int(self.min_total))
        return " AND ".join(clauses), args

    def order_by(self) -> str:
        return SORTABLE.get(self.sort, "o.created_at")


def _row_to_dict(row):
    order_id, status, total_cents, email = row
    return {"id": order_id, "status": status, "total": total_cents / 100, "customer": email}


@login_required
@require_GET
def search_orders(request):
    flt = OrderFilter(request.GET)
    where, args = flt.where_clause()
    sql = (
        "SELECT o.id, o.status, o.total_cents, c.email "
        "FROM shop_order o JOIN shop_customer c ON c.id = o.customer_id "
        f"WHERE {where} ORDER BY {flt.order_by()} DESC LIMIT {PAGE_SIZE}"
    )
    with connection.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall()
    logger.debug("order search returned %d rows", len(rows))
    return JsonResponse({"results": [_row_to_dict(r) for r in rows]})


@login_required
@require_POST
def cancel_order(request, order_id):
    order = get_object_or_404(Order, pk=order_id, customer__user=request.user)
    if order.status in ("shipped", "cancelled"):
        return JsonResponse({"error": "order cannot be cancelled"}, status=409)
    order.status = "cancelled"
    order.save(update_fields=["status"])
    logger.info("order %s cancelled by user %s", order.pk, request.user.pk)
    target = request.POST.get("next") or "/orders/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/orders/"
    return HttpResponseRedirect(target)

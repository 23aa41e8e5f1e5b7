from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .models import Ticket

PAGE_SIZE = 25
NEW_BADGE = mark_safe('<span class="badge badge-new">new</span>')


def _ticket_filter_sql(status, term):
    sql = "SELECT id, subject, status, assignee_id FROM helpdesk_ticket WHERE 1=1"
    params = []
    if status:
        sql += " AND status = %s"
        params.append(status)
    if term:
        sql += " AND subject LIKE %s"
        params.append(f"%{term}%")
    sql += " ORDER BY updated_at DESC LIMIT %s"
    params.append(PAGE_SIZE)
    return sql, params


@require_GET
def ticket_search(request):
    sql, params = _ticket_filter_sql(request.GET.get("status"), request.GET.get("q"))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cols = [c[0] for c in cursor.description]
        rows = [dict(zip(cols, r)) for r in cursor.fetchall()]
    return JsonResponse({"results": rows, "page_size": PAGE_SIZE})


@require_GET
def ticket_detail(request, ticket_id):
    ticket = get_object_or_404(Ticket, pk=ticket_id)
    context = {
        "ticket": ticket,
        "comments": ticket.comments.order_by("created_at"),
        "highlight": format_html("<mark>{}</mark>", request.GET.get("highlight", "")),
        "badge": NEW_BADGE if ticket.status == "new" else "",
    }
    return render(request, "helpdesk/ticket_detail.html", context)

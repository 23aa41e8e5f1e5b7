from django.db import connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from .models import Ticket

PAGE_SIZE = 25


def _ticket_filter_sql(status, term):
    base = "SELECT id, subject, status, assignee_id FROM helpdesk_ticket WHERE 1=1"
    if status:
        base += " AND status = '%s'" % status
    if term:
        base += " AND subject LIKE '%%%s%%'" % term
    return base + " ORDER BY updated_at DESC LIMIT %d" % PAGE_SIZE


@require_GET
def ticket_search(request):
    sql = _ticket_filter_sql(request.GET.get("status"), request.GET.get("q"))
    with connection.cursor() as cursor:
        cursor.execute(sql)  # VULN flow
        cols = [c[0] for c in cursor.description]
        rows = [dict(zip(cols, r)) for r in cursor.fetchall()]
    return JsonResponse({"results": rows, "page_size": PAGE_SIZE})


@require_GET
def ticket_detail(request, ticket_id):
    ticket = get_object_or_404(Ticket, pk=ticket_id)
    context = {
        "ticket": ticket,
        "comments": ticket.comments.order_by("created_at"),
        "highlight": mark_safe("<mark>%s</mark>" % request.GET.get("highlight", "")),  # VULN
    }
    return render(request, "helpdesk/ticket_detail.html", context)

"""Helpdesk views: ticket search and the agent dashboard banner."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.shortcuts import render
from django.utils.safestring import mark_safe

log = logging.getLogger(__name__)
STATUSES = ("open", "pending", "resolved", "closed")


def _search_sql(status, text):
    sql = (
        "SELECT t.id, t.subject, t.status, u.username FROM helpdesk_ticket t "
        "JOIN auth_user u ON u.id = t.owner_id WHERE t.status = '%s'" % status
    )
    if text:
        sql += " AND t.subject ILIKE '%%%s%%'" % text
    return sql + " ORDER BY t.updated_at DESC LIMIT 100"


@login_required
def ticket_search(request):
    status = request.GET.get("status", "open")
    text = request.GET.get("q", "").strip()
    with connection.cursor() as cur:
        cur.execute(_search_sql(status, text))  # VULN flow
        rows = cur.fetchall()
    tickets = [{"id": r[0], "subject": r[1], "status": r[2], "owner": r[3]} for r in rows]
    return render(request, "helpdesk/search.html", {
        "tickets": tickets, "status": status, "q": text, "statuses": STATUSES,
    })


@login_required
def dashboard(request):
    notice = request.GET.get("notice", "")
    banner = mark_safe("<div class='banner'>%s</div>" % notice) if notice else ""  # VULN flow
    with connection.cursor() as cur:
        cur.execute(
            "SELECT status, count(*) FROM helpdesk_ticket WHERE owner_id = %s GROUP BY status",
            [request.user.id],
        )
        counts = dict(cur.fetchall())
    return render(request, "helpdesk/dashboard.html", {
        "banner": banner,
        "counts": {s: counts.get(s, 0) for s in STATUSES},
        "user": request.user,
    })


@login_required
def ticket_count_json(request):
    from django.http import JsonResponse
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM helpdesk_ticket WHERE status = %s", ["open"])
        (open_count,) = cur.fetchone()
    return JsonResponse({"open": open_count})

"""Django staff view: export passenger complaints as CSV for route reviews."""
import csv
import logging
from datetime import date, timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest

log = logging.getLogger("complaints.export")

EXPORT_COLUMNS = ["id", "created_at", "route_id", "stop_id", "category", "status", "summary"]
CATEGORIES = {"late", "missed", "driver", "cleanliness", "accessibility", "fare", "other"}


def complaint_filters(params) -> list:
    since = params.get("since") or (date.today() - timedelta(days=30)).isoformat()
    clauses = ["c.created_at >= '%s'" % since]
    route = params.get("route")
    if route:
        clauses.append("c.route_id = '%s'" % route)
    category = params.get("category")
    if category:
        if category not in CATEGORIES:
            raise ValueError("unknown category")
        clauses.append("c.category = '%s'" % category)
    if params.get("open_only") == "1":
        clauses.append("c.status <> 'closed'")
    return clauses


def fetch_complaints(clauses: list):
    sql = (
        "SELECT c.id, c.created_at, c.route_id, c.stop_id, c.category, c.status, c.summary "
        "FROM complaints_complaint c WHERE " + " AND ".join(clauses) +
        " ORDER BY c.created_at DESC"
    )
    with connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        return cur.fetchall()


@staff_member_required
def export_complaints(request):
    try:
        clauses = complaint_filters(request.GET)
    except ValueError as exc:
        return HttpResponseBadRequest(str(exc))
    rows = fetch_complaints(clauses)

    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="complaints.csv"'
    writer = csv.writer(response)
    writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        writer.writerow(row)
    log.info("staff user %s exported %d complaints", request.user.pk, len(rows))
    return response

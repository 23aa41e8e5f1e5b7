"""Crew pairing search for the crew planning team (Django)."""
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("crewplan.pairings")

PAGE_SIZE = 100
SORT_COLUMNS = {
    "p.report_time": "p.report_time",
    "-p.report_time": "p.report_time DESC",
    "p.duty_minutes": "p.duty_minutes",
    "p.pairing_code": "p.pairing_code",
}


def _fetch(sql, params=None):
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


def _pairing_sql(base, fleet, start, sort):
    clauses = ["SELECT p.id, p.pairing_code, p.base, p.fleet, p.report_time, "
               "p.duty_minutes, p.sectors, p.overnight_station "
               "FROM crew_pairing p WHERE p.published = TRUE"]
    params = []
    if base:
        clauses.append("AND p.base = %s")
        params.append(base)
    if fleet:
        clauses.append("AND p.fleet = %s")
        params.append(fleet)
    if start:
        clauses.append("AND p.report_time >= %s")
        params.append(start)
    order = SORT_COLUMNS.get(sort, "p.report_time")
    clauses.append(f"ORDER BY {order} LIMIT {PAGE_SIZE}")
    return " ".join(clauses), params


@login_required
@permission_required("crewplan.view_pairing", raise_exception=True)
@require_GET
def pairing_search(request):
    base = request.GET.get("base", "").upper()
    fleet = request.GET.get("fleet", "").upper()
    start = request.GET.get("from", "")
    sort = request.GET.get("sort", "p.report_time")
    sql, params = _pairing_sql(base, fleet, start, sort)
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, row)) for row in cur.fetchall()]
    log.info("pairing search by %s returned %d rows", request.user.pk, len(rows))
    return JsonResponse({"results": rows}, json_dumps_params={"default": str})


@login_required
@require_GET
def pairing_detail(request, pairing_id: int):
    legs = _fetch(
        "SELECT leg_no, flight_no, dep, arr, std, sta FROM crew_pairing_leg "
        "WHERE pairing_id = %s ORDER BY leg_no",
        [pairing_id],
    )
    return JsonResponse({"pairing_id": pairing_id, "legs": legs}, json_dumps_params={"default": str})

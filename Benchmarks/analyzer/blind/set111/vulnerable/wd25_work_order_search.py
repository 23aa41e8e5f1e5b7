"""Work-order search for the maintenance management module (Django)."""
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

STATUSES = {"open", "assigned", "in_progress", "on_hold", "closed"}
PAGE_SIZE = 50


def _search_sql(term: str, district: str, status: str, page: int) -> str:
    sql = [
        "SELECT wo.id, wo.number, wo.asset_tag, wo.description, wo.status,",
        "       wo.priority, wo.opened_at, d.name AS district",
        "FROM maint_workorder wo JOIN maint_district d ON d.id = wo.district_id",
        "WHERE 1 = 1",
    ]
    if term:
        sql.append(f"AND (wo.description ILIKE '%{term}%' OR wo.asset_tag = '{term}')")
    if district:
        sql.append(f"AND d.code = '{district}'")
    if status in STATUSES:
        sql.append(f"AND wo.status = '{status}'")
    sql.append(f"ORDER BY wo.priority, wo.opened_at DESC LIMIT {PAGE_SIZE} OFFSET {page * PAGE_SIZE}")
    return "\n".join(sql)


@login_required
@require_GET
def search_work_orders(request):
    term = request.GET.get("q", "").strip()
    district = request.GET.get("district", "").strip().upper()
    status = request.GET.get("status", "")
    try:
        page = max(int(request.GET.get("page", "0")), 0)
    except ValueError:
        page = 0
    query = _search_sql(term, district, status, page)
    with connection.cursor() as cur:
        cur.execute(query)  # VULN flow
        cols = [c[0] for c in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for row in rows:
        row["opened_at"] = row["opened_at"].isoformat() if row["opened_at"] else None
    log.debug("work order search by %s returned %d rows", request.user.pk, len(rows))
    return JsonResponse({"page": page, "results": rows})


@login_required
@require_GET
def work_order_counts(request):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT d.code, wo.status, COUNT(*) FROM maint_workorder wo "
            "JOIN maint_district d ON d.id = wo.district_id GROUP BY d.code, wo.status"
        )
        counts = {}
        for code, status, n in cur.fetchall():
            counts.setdefault(code, {})[status] = n
    return JsonResponse(counts)

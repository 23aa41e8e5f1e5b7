"""Development office: donor giving report for the fundraising dashboard."""
import datetime
import logging

from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)

REPORT_SQL = """
    SELECT d.id, d.display_name, d.tier, SUM(g.amount) AS total, COUNT(*) AS gifts
    FROM development_donor d
    JOIN development_gift g ON g.donor_id = d.id
    WHERE {where}
    GROUP BY d.id, d.display_name, d.tier
    ORDER BY total DESC
    LIMIT 200
"""


def _period_clause(year, quarter, args):
    clause = "EXTRACT(YEAR FROM g.received_on) = %s"
    args.append(int(year))
    if quarter:
        clause += " AND EXTRACT(QUARTER FROM g.received_on) = %s"
        args.append(int(quarter))
    return clause


def _fund_clause(funds, args):
    placeholders = ", ".join(["%s"] * len(funds))
    args.extend(funds)
    return f"g.fund_code IN ({placeholders})"


def build_report_query(params):
    args = []
    where = [_period_clause(params["year"], params.get("quarter"), args)]
    if params.get("funds"):
        where.append(_fund_clause(params["funds"], args))
    if params.get("anonymous") == "exclude":
        where.append("d.anonymous = FALSE")
    return REPORT_SQL.format(where=" AND ".join(where)), args


@require_GET
@permission_required("development.view_gift", raise_exception=True)
def giving_report(request):
    params = {
        "year": request.GET.get("year", str(datetime.date.today().year)),
        "quarter": request.GET.get("quarter"),
        "funds": request.GET.getlist("fund"),
        "anonymous": request.GET.get("anonymous", "include"),
    }
    try:
        sql, args = build_report_query(params)
    except ValueError:
        return JsonResponse({"error": "year and quarter must be numbers"}, status=400)
    with connection.cursor() as cur:
        cur.execute(sql, args)
        columns = [c[0] for c in cur.description]
        rows = [dict(zip(columns, r)) for r in cur.fetchall()]
    log.info("giving report for %r by %s: %d donors", params["year"], request.user.pk, len(rows))
    for row in rows:
        row["total"] = float(row["total"])
    return JsonResponse({"params": params, "donors": rows})

"""Ad-hoc sales report endpoint for the finance dashboard."""
import logging
import traceback
from datetime import date

from django.contrib.auth.decorators import permission_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

BASE_QUERY = (
    "SELECT o.id, o.created_at, o.total_cents, c.name AS customer "
    "FROM sales_order o JOIN crm_customer c ON c.id = o.customer_id"
)
MAX_ROWS = 500


def _build_filter(params) -> str:
    """Translate dashboard filter params into a WHERE clause."""
    clauses = ["o.status = 'paid'"]
    region = params.get("region")
    if region:
        clauses.append(f"c.region = '{region}'")
    since = params.get("since")
    if since:
        clauses.append(f"o.created_at >= '{since}'")
    return " WHERE " + " AND ".join(clauses)


def _rows_to_dicts(cursor) -> list:
    cols = [col[0] for col in cursor.description]
    return [dict(zip(cols, row)) for row in cursor.fetchall()]


@permission_required("sales.view_report")
@require_GET
def sales_report(request):
    """Return paid orders matching the dashboard filters as JSON."""
    sql = (
        BASE_QUERY
        + _build_filter(request.GET)
        + f" ORDER BY o.created_at DESC LIMIT {MAX_ROWS}"
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)  # VULN flow
            rows = _rows_to_dicts(cursor)
    except Exception as exc:
        logger.exception("sales report failed")
        return JsonResponse({"error": str(exc), "trace": traceback.format_exc()}, status=500)  # VULN

    total = sum(r["total_cents"] for r in rows)
    return JsonResponse(
        {
            "generated": date.today().isoformat(),
            "count": len(rows),
            "total_cents": total,
            "rows": rows,
        }
    )

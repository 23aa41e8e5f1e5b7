"""Sales report endpoints for the finance dashboard."""
import logging
from datetime import date

from django.contrib.auth.decorators import permission_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from sales.models import Order

logger = logging.getLogger(__name__)

MAX_ROWS = 500
ORDERING = {
    "newest": "-created_at",
    "oldest": "created_at",
    "largest": "-total_cents",
}
REGION_TOTALS_SQL = """
    SELECT c.region, COUNT(*), SUM(o.total_cents)
    FROM sales_order o JOIN crm_customer c ON c.id = o.customer_id
    WHERE o.status = %s AND o.created_at >= %s
    GROUP BY c.region ORDER BY 3 DESC
"""


def _parse_since(raw):
    return date.fromisoformat(raw) if raw else date(date.today().year, 1, 1)


@permission_required("sales.view_report")
@require_GET
def sales_report(request):
    try:
        since = _parse_since(request.GET.get("since"))
    except ValueError:
        return JsonResponse({"error": "since must be YYYY-MM-DD"}, status=400)

    qs = Order.objects.filter(status="paid", created_at__date__gte=since)
    region = request.GET.get("region")
    if region:
        qs = qs.filter(customer__region=region)
    order = ORDERING.get(request.GET.get("sort", "newest"), "-created_at")

    try:
        rows = list(
            qs.order_by(order).values("id", "created_at", "total_cents", "customer__name")[:MAX_ROWS]
        )
        with connection.cursor() as cursor:
            cursor.execute(REGION_TOTALS_SQL, ["paid", since])
            regions = [
                {"region": r[0], "orders": r[1], "total_cents": r[2]} for r in cursor.fetchall()
            ]
    except DatabaseError:
        logger.exception("sales report failed")
        return JsonResponse({"error": "report temporarily unavailable"}, status=500)

    return JsonResponse({"since": since.isoformat(), "rows": rows, "regions": regions})

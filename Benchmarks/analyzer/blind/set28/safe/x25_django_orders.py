"""Order history reports for the merchant back office."""
import logging

from django.contrib.auth.decorators import login_required, permission_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

ORDER_REPORT_SQL = """
    SELECT o.id, o.reference, o.status, o.total_cents, o.created_at
    FROM shop_order AS o
    WHERE o.merchant_id = %s AND o.status = %s
    ORDER BY o.{order_by} DESC
    LIMIT 200
"""
SORTABLE = {"created_at", "total_cents", "reference"}


def _dict_rows(cursor) -> list[dict]:
    columns = [col[0] for col in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def order_report(merchant_id: int, status: str, order_by: str) -> list[dict]:
    if order_by not in SORTABLE:
        raise ValueError("invalid sort column")
    sql = ORDER_REPORT_SQL.format(order_by=order_by)
    with connection.cursor() as cursor:
        cursor.execute(sql, [merchant_id, status])
        return _dict_rows(cursor)


def status_counts(merchant_id: int) -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, COUNT(*) FROM shop_order WHERE merchant_id = %s GROUP BY status",
            [merchant_id],
        )
        return dict(cursor.fetchall())


@login_required
@permission_required("shop.view_order", raise_exception=True)
@require_GET
def orders(request):
    status = request.GET.get("status", "paid")
    order_by = request.GET.get("sort", "created_at")
    if order_by not in SORTABLE:
        return HttpResponseBadRequest("invalid sort column")
    merchant_id = request.user.merchant_profile.merchant_id
    rows = order_report(merchant_id, status, order_by)
    logger.info("merchant %s pulled %d orders with status %r", merchant_id, len(rows), status)
    return JsonResponse({"orders": rows, "count": len(rows)})


@login_required
@permission_required("shop.view_order", raise_exception=True)
@require_GET
def order_summary(request):
    merchant_id = request.user.merchant_profile.merchant_id
    return JsonResponse({"statuses": status_counts(merchant_id)})

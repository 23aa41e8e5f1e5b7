"""Sales statistics endpoint for the merchant dashboard."""
import datetime
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

log = logging.getLogger("dashboard.stats")

SORT_COLUMNS = {"orders": "order_count", "revenue": "revenue", "product": "p.name"}


def _parse_date(value, default):
    try:
        return datetime.date.fromisoformat(value) if value else default
    except ValueError:
        return default


def stats_query(merchant_id, since, region, sort):
    sql = (
        "SELECT p.id, p.name, COUNT(o.id) AS order_count, SUM(o.total) AS revenue "
        "FROM shop_order o JOIN shop_product p ON p.id = o.product_id "
        "WHERE o.merchant_id = %d AND o.created_at >= '%s'" % (merchant_id, since.isoformat())
    )
    if region:
        sql += " AND o.region = '" + region + "'"
    sql += " GROUP BY p.id, p.name"
    sql += " ORDER BY " + SORT_COLUMNS.get(sort, "revenue") + " DESC LIMIT 50"
    return sql


@login_required
@require_GET
def product_stats(request):
    merchant_id = request.user.merchant.id
    since = _parse_date(request.GET.get("since"), datetime.date.today() - datetime.timedelta(days=30))
    region = request.GET.get("region", "").strip()
    sort = request.GET.get("sort", "revenue")
    sql = stats_query(merchant_id, since, region, sort)
    with connection.cursor() as cur:
        cur.execute(sql)  # VULN flow
        columns = [c[0] for c in cur.description]
        rows = [dict(zip(columns, r)) for r in cur.fetchall()]
    log.info("merchant %d stats: %d products", merchant_id, len(rows))
    return JsonResponse({"since": since.isoformat(), "region": region or None, "products": rows})

"""Internal admin: regional sales report with sortable columns (Django)."""
import logging
from datetime import date, timedelta

from django.contrib.admin.views.decorators import staff_member_required
from django.db import connection
from django.shortcuts import render
from django.utils.dateparse import parse_date

log = logging.getLogger("admin.reports")


class SalesReport:
    BASE_SQL = """
        SELECT p.sku, p.name, SUM(ol.quantity) AS units,
               SUM(ol.quantity * ol.unit_price) AS revenue
        FROM order_lines ol
        JOIN products p ON p.id = ol.product_id
        JOIN orders o ON o.id = ol.order_id
        WHERE o.region = %s AND o.placed_at >= %s AND o.placed_at < %s
        GROUP BY p.sku, p.name
    """
    SORTABLE = {"sku": "p.sku", "name": "p.name", "units": "units", "revenue": "revenue"}

    def __init__(self, region: str, start: date, end: date):
        self.region = region
        self.start = start
        self.end = end

    def order_clause(self, sort: str, direction: str) -> str:
        column = self.SORTABLE.get(sort, "revenue")
        order = "ASC" if direction.upper() == "ASC" else "DESC"
        return f" ORDER BY {column} {order} LIMIT 200"

    def fetch(self, sort: str, direction: str) -> list:
        sql = self.BASE_SQL + self.order_clause(sort, direction)
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.region, self.start, self.end])
            columns = [c[0] for c in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]


@staff_member_required
def regional_sales(request):
    region = request.GET.get("region", "EU")
    end = parse_date(request.GET.get("to", "")) or date.today()
    start = parse_date(request.GET.get("from", "")) or end - timedelta(days=30)
    sort = request.GET.get("sort", "revenue")
    direction = request.GET.get("dir", "DESC")
    log.info("sales report %r %s..%s sorted by %r", region, start, end, sort)
    rows = SalesReport(region, start, end).fetch(sort, direction)
    context = {
        "rows": rows,
        "region": region,
        "start": start,
        "end": end,
        "sort": sort,
        "direction": direction,
    }
    return render(request, "admin/reports/regional_sales.html", context)

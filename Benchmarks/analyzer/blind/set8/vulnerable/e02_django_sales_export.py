"""Sales report CSV export for the internal back-office."""
import csv
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

REPORT_COLUMNS = ["order_id", "region", "sku", "quantity", "total_cents", "created_at"]


def _date_clause(start, end):
    """Build the optional date-range part of the WHERE clause."""
    clauses = []
    if start:
        clauses.append(f"created_at >= '{start}'")
    if end:
        clauses.append(f"created_at < '{end}'")
    return " AND ".join(clauses) or "1=1"


@login_required
@require_GET
def export_sales(request):
    region = request.GET.get("region", "")
    if not region:
        return HttpResponseBadRequest("region is required")

    where = _date_clause(request.GET.get("from"), request.GET.get("to"))
    sql = (
        f"SELECT {', '.join(REPORT_COLUMNS)} FROM sales_order "
        f"WHERE region = '{region}' AND {where} ORDER BY created_at"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)  # VULN flow
        rows = cursor.fetchall()
    logger.info("sales export by user %s returned %d rows", request.user.pk, len(rows))

    response = HttpResponse(content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="sales.csv"'
    writer = csv.writer(response)
    writer.writerow(REPORT_COLUMNS)
    writer.writerows(rows)
    return response

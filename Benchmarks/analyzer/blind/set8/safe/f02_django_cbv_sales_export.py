"""Sales report CSV export for the internal back-office (class-based view)."""
import csv
import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest
from django.views import View

logger = logging.getLogger(__name__)

REPORT_COLUMNS = ["order_id", "region", "sku", "quantity", "total_cents", "created_at"]
SORT_COLUMNS = {
    "date": "created_at",
    "total": "total_cents DESC",
    "sku": "sku",
}


def _parse_day(raw, default):
    if not raw:
        return default
    return dt.date.fromisoformat(raw)


class SalesExportView(LoginRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "reports.export_sales"

    def get(self, request):
        region = request.GET.get("region", "")
        if region not in settings.SALES_REGIONS:
            return HttpResponseBadRequest("unknown region")
        try:
            start = _parse_day(request.GET.get("from"), dt.date.today() - dt.timedelta(days=30))
            end = _parse_day(request.GET.get("to"), dt.date.today() + dt.timedelta(days=1))
        except ValueError:
            return HttpResponseBadRequest("dates must be YYYY-MM-DD")
        order_by = SORT_COLUMNS.get(request.GET.get("sort", ""), "created_at")

        sql = (
            f"SELECT {', '.join(REPORT_COLUMNS)} FROM sales_order "
            f"WHERE region = %s AND created_at >= %s AND created_at < %s ORDER BY {order_by}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [region, start, end])
            rows = cursor.fetchall()
        logger.info("sales export by user %s returned %d rows", request.user.pk, len(rows))

        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="sales-{region}-{start:%Y%m%d}.csv"'
        writer = csv.writer(response)
        writer.writerow(REPORT_COLUMNS)
        writer.writerows(rows)
        return response

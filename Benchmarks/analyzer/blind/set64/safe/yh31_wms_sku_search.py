"""SKU search API for the warehouse pick stations (Django).

Pickers search by part of the SKU description or the manufacturer part
number; results include the bins that currently hold stock.
"""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .models import Sku

log = logging.getLogger("wms.search")

PAGE_SIZE = 50


class SkuSearch:
    def __init__(self, term, warehouse, in_stock_only=False):
        self.term = term.strip()
        self.warehouse = warehouse
        self.in_stock_only = in_stock_only

    def sql(self):
        like = "%" + self.term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where = ["(s.description ILIKE %s OR s.mpn ILIKE %s)"]
        params = [like, like]
        where.append("b.warehouse_id = %s")
        params.append(int(self.warehouse))
        if self.in_stock_only:
            where.append("b.qty_on_hand > 0")
        return (
            "SELECT s.id, s.code, s.description, b.code AS bin_code, b.qty_on_hand "
            "FROM wms_sku s JOIN wms_binstock b ON b.sku_id = s.id "
            "WHERE " + " AND ".join(where) + " ORDER BY s.code LIMIT %d" % PAGE_SIZE
        ), params


def run_search(search: SkuSearch):
    sql, params = search.sql()
    with connection.cursor() as cur:
        cur.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]


@login_required
@require_GET
def search_skus(request):
    term = request.GET.get("q", "")
    if len(term) < 2:
        return JsonResponse({"error": "query too short"}, status=400)
    try:
        warehouse = int(request.GET.get("wh", request.user.profile.warehouse_id))
    except (TypeError, ValueError):
        return JsonResponse({"error": "bad warehouse"}, status=400)
    search = SkuSearch(term, warehouse, request.GET.get("stock") == "1")
    rows = run_search(search)
    return JsonResponse({"count": len(rows), "results": rows})


@login_required
@require_GET
def sku_detail(request, code):
    sku = Sku.objects.filter(code=code).values("id", "code", "description", "mpn").first()
    if sku is None:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(sku)

"""Django views for the 1991-2020 climate normals explorer."""
import logging

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

log = logging.getLogger("climate.normals")

COLUMNS = ("station_id", "station_name", "month", "tmax_normal", "tmin_normal", "precip_normal")


def _normals_sql(region: str, month, order_by: str, direction: str):
    if order_by not in COLUMNS or direction not in ("ASC", "DESC"):
        raise ValueError("unsupported sort")
    sql = (
        "SELECT station_id, station_name, month, tmax_normal, tmin_normal, precip_normal "
        "FROM climate_normals WHERE region_code = %s"
    )
    params = [region]
    if month is not None:
        sql += " AND month = %s"
        params.append(month)
    sql += " ORDER BY %s %s" % (order_by, direction)
    return sql, params


def _parse_month(raw):
    if raw in (None, ""):
        return None
    month = int(raw)
    if not 1 <= month <= 12:
        raise ValueError("month out of range")
    return month


@require_GET
@cache_page(60 * 60)
def normals(request):
    region = request.GET.get("region", "").strip()
    if not region:
        return HttpResponseBadRequest("region is required")
    try:
        month = _parse_month(request.GET.get("month"))
    except ValueError:
        return HttpResponseBadRequest("month must be 1-12")

    order_by = request.GET.get("sort", "station_id")
    direction = "DESC" if request.GET.get("desc") == "1" else "ASC"
    try:
        sql, params = _normals_sql(region, month, order_by, direction)
    except ValueError:
        return HttpResponseBadRequest("unsupported sort column")

    with connection.cursor() as cur:
        cur.execute(sql, params)
        rows = [dict(zip(COLUMNS, r)) for r in cur.fetchall()]

    return JsonResponse({"region": region, "count": len(rows), "normals": rows})


@require_GET
@cache_page(60 * 60 * 24)
def regions(request):
    with connection.cursor() as cur:
        cur.execute("SELECT DISTINCT region_code FROM climate_normals ORDER BY region_code")
        codes = [r[0] for r in cur.fetchall()]
    return JsonResponse({"regions": codes})

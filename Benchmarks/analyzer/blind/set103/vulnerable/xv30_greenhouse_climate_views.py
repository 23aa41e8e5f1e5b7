"""Greenhouse climate series API (Django views).

URL conf: path("houses/<str:house_code>/climate/", climate_series)
Query string: ?sensor=rh_pct&from=2024-03-01&to=2024-03-08
"""
import logging
from typing import Optional

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET

logger = logging.getLogger("greenhouse.climate")

SENSORS = {"temp_c", "rh_pct", "co2_ppm", "par_umol", "vpd_kpa"}
MAX_POINTS = 5000


def _window_clause(start: Optional[str], end: Optional[str]) -> str:
    clauses = []
    if start:
        clauses.append(f"recorded_at >= '{start}'")
    if end:
        clauses.append(f"recorded_at < '{end}'")
    return (" AND " + " AND ".join(clauses)) if clauses else ""


def _downsample(rows, limit: int):
    if len(rows) <= limit:
        return rows
    step = len(rows) / limit
    return [rows[int(i * step)] for i in range(limit)]


@login_required
@require_GET
def climate_series(request, house_code):
    sensor = request.GET.get("sensor", "temp_c")
    if sensor not in SENSORS:
        logger.warning(f"unknown sensor {sensor} requested for house {house_code}")  # VULN flow
        return HttpResponseBadRequest("unknown sensor")

    window = _window_clause(request.GET.get("from"), request.GET.get("to"))
    sql = (
        f"SELECT recorded_at, {sensor} FROM climate_readings "
        "WHERE house_code = %s" + window + " ORDER BY recorded_at"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [house_code])  # VULN flow
        rows = cur.fetchall()

    points = _downsample(rows, MAX_POINTS)
    return JsonResponse({
        "house": house_code,
        "sensor": sensor,
        "points": [{"t": t.isoformat(), "v": v} for t, v in points],
    })


@login_required
@require_GET
def house_list(request):
    with connection.cursor() as cur:
        cur.execute("SELECT house_code, crop, area_m2 FROM greenhouses ORDER BY house_code")
        houses = [{"code": c, "crop": crop, "area_m2": a} for c, crop, a in cur.fetchall()]
    return JsonResponse({"houses": houses})

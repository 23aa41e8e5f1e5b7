"""Geofence event views (Django app `geofence`).

Vehicles report enter/exit events for customer sites; planners filter them in
the control tower UI.
"""
import json
import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from .models import GeofenceEvent

log = logging.getLogger("geofence.views")

SORTABLE = {"occurred_at", "vehicle_id", "site_code", "dwell_seconds"}


class EventFilter:
    def __init__(self, params):
        self.site = params.get("site")
        self.vehicle = params.get("vehicle")
        self.kind = params.get("kind", "enter")
        self.order = params.get("order", "occurred_at")

    def where_sql(self):
        parts, params = ["kind = %s"], [self.kind]
        if self.site:
            parts.append("site_code = %s")
            params.append(self.site)
        if self.vehicle:
            parts.append("vehicle_id = %s")
            params.append(self.vehicle)
        return " AND ".join(parts), params


@login_required
@require_GET
def event_list(request: HttpRequest) -> JsonResponse:
    flt = EventFilter(request.GET)
    order = flt.order if flt.order in SORTABLE else "occurred_at"
    where, params = flt.where_sql()
    query = (
        "SELECT id, vehicle_id, site_code, kind, occurred_at, dwell_seconds "
        f"FROM geofence_geofenceevent WHERE {where} ORDER BY {order} DESC LIMIT 500"
    )
    events = GeofenceEvent.objects.raw(query, params)
    data = [
        {
            "id": e.id,
            "vehicle": e.vehicle_id,
            "site": e.site_code,
            "kind": e.kind,
            "at": e.occurred_at.isoformat(),
            "dwell": e.dwell_seconds,
        }
        for e in events
    ]
    return JsonResponse({"events": data})


@login_required
@require_GET
def dwell_stats(request: HttpRequest) -> JsonResponse:
    site = request.GET.get("site", "")
    with connection.cursor() as cur:
        cur.execute(
            "SELECT vehicle_id, AVG(dwell_seconds), COUNT(*) FROM geofence_geofenceevent "
            "WHERE site_code = %s AND kind = 'exit' GROUP BY vehicle_id", [site]
        )
        rows = cur.fetchall()
    log.info("dwell stats for site %r: %d vehicles", site, len(rows))
    return JsonResponse({"site": site, "vehicles": [
        {"vehicle": v, "avg_dwell": float(a or 0), "visits": n} for v, a, n in rows
    ]})


@login_required
def export_settings(request: HttpRequest) -> JsonResponse:
    prefs = json.loads(request.session.get("geofence_prefs", "{}"))
    return JsonResponse(prefs)

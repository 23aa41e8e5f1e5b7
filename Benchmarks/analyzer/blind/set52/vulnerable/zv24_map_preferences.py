"""Starlette app storing a visitor's map preferences in a cookie.

Preferences (base layer, units, saved viewport, pinned places) are kept
client-side so anonymous visitors get a consistent map between sessions.
"""
import base64
import logging

import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("map_prefs")

COOKIE = "map_prefs"
MAX_AGE = 180 * 24 * 3600


class MapPreferences:
    def __init__(self, base_layer="streets", units="metric", viewport=None, pinned=None):
        self.base_layer = base_layer
        self.units = units
        self.viewport = viewport or {"lat": 51.5072, "lon": -0.1276, "zoom": 11}
        self.pinned = pinned or []

    def to_json(self):
        return {"base_layer": self.base_layer, "units": self.units, "viewport": self.viewport, "pinned": self.pinned}


def serialise(prefs: MapPreferences) -> str:
    return base64.urlsafe_b64encode(jsonpickle.encode(prefs).encode()).decode()


def load_prefs(request: Request) -> MapPreferences:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return MapPreferences()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode()).decode()
        prefs = jsonpickle.decode(decoded)  # VULN flow
    except (ValueError, UnicodeDecodeError) as exc:
        log.info("discarding unreadable prefs cookie: %s", exc)
        return MapPreferences()
    return prefs if isinstance(prefs, MapPreferences) else MapPreferences()


async def get_prefs(request: Request):
    return JSONResponse(load_prefs(request).to_json())


async def update_prefs(request: Request):
    prefs = load_prefs(request)
    body = await request.json()
    if body.get("base_layer") in {"streets", "satellite", "terrain", "transit"}:
        prefs.base_layer = body["base_layer"]
    if body.get("units") in {"metric", "imperial"}:
        prefs.units = body["units"]
    if isinstance(body.get("viewport"), dict):
        vp = body["viewport"]
        prefs.viewport = {"lat": float(vp["lat"]), "lon": float(vp["lon"]), "zoom": int(vp.get("zoom", 11))}
    resp = JSONResponse(prefs.to_json())
    resp.set_cookie(COOKIE, serialise(prefs), max_age=MAX_AGE, httponly=True, samesite="lax")
    return resp


app = Starlette(routes=[
    Route("/prefs", get_prefs, methods=["GET"]),
    Route("/prefs", update_prefs, methods=["PUT"]),
])

"""Starlette back-office for station display announcement templates.

Station supervisors write announcement text with placeholders such as
``{{ route }}`` or ``{{ delay }}`` and preview it against live data.
"""
import logging
import os
from datetime import datetime

from jinja2 import Template
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("announcements")

MAX_TEMPLATE = 2000
STATIONS = {
    "CEN": {"name": "Central", "platforms": 6},
    "HBF": {"name": "Harbourfront", "platforms": 4},
    "UNI": {"name": "University", "platforms": 2},
}


def build_context(station_code: str, route: str, delay: int) -> dict:
    station = STATIONS.get(station_code, {"name": station_code, "platforms": 1})
    return {
        "station": station["name"],
        "route": route,
        "delay": delay,
        "now": datetime.now().strftime("%H:%M"),
    }


def render_announcement(source: str, context: dict) -> str:
    return Template(source).render(**context)  # VULN flow


async def preview(request: Request) -> JSONResponse:
    form = await request.form()
    source = str(form.get("template", ""))
    if not source or len(source) > MAX_TEMPLATE:
        return JSONResponse({"error": "template missing or too long"}, status_code=400)
    try:
        delay = int(form.get("delay", 0))
    except ValueError:
        return JSONResponse({"error": "delay must be a number"}, status_code=400)
    ctx = build_context(str(form.get("station", "CEN")), str(form.get("route", "")), delay)
    try:
        text = render_announcement(source, ctx)
    except Exception as exc:  # template errors are shown to the supervisor
        return JSONResponse({"error": f"template error: {exc}"}, status_code=422)
    return JSONResponse({"text": text, "length": len(text)})


async def stations(request: Request) -> JSONResponse:
    return JSONResponse({code: s["name"] for code, s in STATIONS.items()})


app = Starlette(
    debug=os.environ.get("STARLETTE_DEBUG") == "1",
    routes=[
        Route("/announcements/preview", preview, methods=["POST"]),
        Route("/stations", stations),
    ],
)

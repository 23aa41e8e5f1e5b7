"""Telematics event search for the connected-car support console (aiohttp)."""
import json
import logging
import re
from typing import Any, Dict, List

from aiohttp import web

log = logging.getLogger("telematics.events")

SEARCHABLE_FIELDS = {"message", "dtc", "ecu", "source"}
MAX_EVENTS = 5000


class EventMatcher:
    def __init__(self, pattern: str, field: str = "message"):
        self.field = field if field in SEARCHABLE_FIELDS else "message"
        self.pattern = pattern
        self.regex = re.compile(re.escape(pattern), re.IGNORECASE)

    def matches(self, event: Dict[str, Any]) -> bool:
        value = event.get(self.field) or ""
        return self.regex.search(str(value)) is not None


async def load_events(store, vin: str) -> List[Dict[str, Any]]:
    raw = await store.lrange(f"events:{vin}", 0, MAX_EVENTS - 1)
    events = []
    for item in raw:
        try:
            events.append(json.loads(item))
        except ValueError:
            continue
    return events


async def search_events(request: web.Request) -> web.Response:
    vin = request.match_info["vin"]
    pattern = request.query.get("match", "")
    field = request.query.get("field", "message")
    if not pattern:
        raise web.HTTPBadRequest(text="match parameter required")
    try:
        matcher = EventMatcher(pattern[:200], field)
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"bad pattern: {exc}")

    events = await load_events(request.app["store"], vin)
    hits = [e for e in events if matcher.matches(e)]
    log.info("event search on %r: %d/%d hits", vin, len(hits), len(events))
    return web.json_response({"vin": vin, "field": matcher.field, "hits": hits[:200],
                              "total": len(hits)})


async def latest_event(request: web.Request) -> web.Response:
    vin = request.match_info["vin"]
    raw = await request.app["store"].lindex(f"events:{vin}", 0)
    if raw is None:
        raise web.HTTPNotFound()
    return web.json_response(json.loads(raw))


def build_app(store) -> web.Application:
    app = web.Application()
    app["store"] = store
    app.router.add_get("/vehicles/{vin}/events/search", search_events)
    app.router.add_get("/vehicles/{vin}/events/latest", latest_event)
    return app

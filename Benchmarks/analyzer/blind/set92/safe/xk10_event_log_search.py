"""Search endpoint over the building event log (door, alarm, HVAC events).

Used by the facility console's "filter" box.  Several terms can be given
separated by ``|`` so operators can match several doors at once.
"""
import json
import logging
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("events.search")

EVENT_LOG = Path("/var/log/bms/events.jsonl")
MAX_RESULTS = 500


def compile_filter(pattern: str, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    terms = [re.escape(t) for t in pattern.split("|")[:20] if t]
    return re.compile("|".join(terms), flags)


def iter_events(path: Path):
    with path.open() as fh:
        for line in fh:
            try:
                yield json.loads(line)
            except json.JSONDecodeError:
                continue


def match_events(matcher, field: str, limit: int):
    hits = []
    for event in iter_events(EVENT_LOG):
        value = str(event.get(field, ""))
        if matcher.search(value):
            hits.append(event)
            if len(hits) >= limit:
                break
    return hits


async def search_events(request: web.Request) -> web.Response:
    pattern = request.query.get("q", "")
    field = request.query.get("field", "message")
    if field not in ("message", "source", "door", "user"):
        raise web.HTTPBadRequest(text="unknown field")
    ignore_case = request.query.get("i", "1") == "1"
    try:
        limit = min(int(request.query.get("limit", "100")), MAX_RESULTS)
    except ValueError:
        raise web.HTTPBadRequest(text="bad limit")
    try:
        matcher = compile_filter(pattern, ignore_case)
    except re.error as exc:
        raise web.HTTPBadRequest(text=f"invalid pattern: {exc.msg}")
    hits = await request.loop.run_in_executor(None, match_events, matcher, field, limit)
    log.info("event search on %s returned %d hits", field, len(hits))
    return web.json_response({"count": len(hits), "events": hits})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/api/events/search", search_events)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(make_app(), host="127.0.0.1", port=8090)

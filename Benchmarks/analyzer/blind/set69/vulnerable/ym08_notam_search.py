"""aiohttp service exposing free-text search over active NOTAMs.

Briefing staff use it to pull, e.g., every NOTAM mentioning a closed
taxiway or an unserviceable ILS at a given aerodrome.
"""
import json
import logging
import re
from datetime import datetime, timezone

from aiohttp import web

log = logging.getLogger("notam.search")

NOTAM_FILE = "/var/lib/notam/active.json"


class NotamStore:
    def __init__(self, path):
        self.path = path
        self._by_location = {}
        self._loaded_at = None

    def reload(self):
        with open(self.path, encoding="utf-8") as fh:
            items = json.load(fh)
        index = {}
        for item in items:
            index.setdefault(item["location"].upper(), []).append(item)
        self._by_location = index
        self._loaded_at = datetime.now(timezone.utc)
        log.info("loaded %d NOTAMs for %d locations", len(items), len(index))

    async def active_for(self, location):
        now = datetime.now(timezone.utc).isoformat()
        return [n for n in self._by_location.get(location, []) if n.get("end", "9999") > now]


async def search(request):
    location = request.match_info["location"].upper()
    flags = re.IGNORECASE if request.query.get("ci", "1") == "1" else 0
    matcher = re.compile(request.query.get("q", ".*"), flags)  # VULN
    notams = await request.app["store"].active_for(location)
    hits = [n for n in notams if matcher.search(n.get("text", ""))]
    return web.json_response(
        {"location": location, "count": len(hits),
         "notams": [{"id": n["id"], "text": n["text"], "end": n.get("end")} for n in hits]}
    )


async def reload_handler(request):
    request.app["store"].reload()
    return web.json_response({"reloaded": True})


def create_app():
    app = web.Application()
    store = NotamStore(NOTAM_FILE)
    store.reload()
    app["store"] = store
    app.router.add_get("/notams/{location}/search", search)
    app.router.add_post("/admin/reload", reload_handler)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8088)

"""Search service for free-text inspection notes (aiohttp).

Beekeepers search their own notes for things like "queen cells", "chalkbrood"
or "DWV" across all inspections of an apiary.
"""
import json
import logging
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("note_search")
NOTES_DIR = Path("/srv/apiary/notes")
MAX_RESULTS = 200
MAX_QUERY_LEN = 100


class NoteStore:
    def __init__(self, root: Path):
        self.root = root
        self._cache = {}

    def notes_for(self, apiary_id: int):
        if apiary_id not in self._cache:
            path = self.root / ("apiary-%d.json" % apiary_id)
            if not path.exists():
                return []
            self._cache[apiary_id] = json.loads(path.read_text(encoding="utf-8"))
        return self._cache[apiary_id]


def build_matcher(pattern: str, case_insensitive: bool):
    flags = re.IGNORECASE if case_insensitive else 0
    return re.compile(re.escape(pattern[:MAX_QUERY_LEN]), flags)


async def search_notes(request: web.Request) -> web.Response:
    try:
        apiary_id = int(request.match_info["apiary_id"])
    except ValueError:
        raise web.HTTPBadRequest(text="apiary id must be numeric")
    query = request.query.get("q", "").strip()
    if not query:
        raise web.HTTPBadRequest(text="q is required")
    matcher = build_matcher(query, request.query.get("ci", "1") == "1")

    hits = []
    for note in request.app["store"].notes_for(apiary_id):
        text = note.get("text", "")
        m = matcher.search(text)
        if m:
            start = max(0, m.start() - 40)
            hits.append({"hive": note.get("hive"), "date": note.get("date"),
                         "snippet": text[start:m.end() + 40]})
            if len(hits) >= MAX_RESULTS:
                break
    log.info("note search on apiary %d returned %d hits", apiary_id, len(hits))
    return web.json_response({"query": query, "hits": hits})


def create_app() -> web.Application:
    app = web.Application()
    app["store"] = NoteStore(NOTES_DIR)
    app.router.add_get("/apiaries/{apiary_id}/notes/search", search_notes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8085)

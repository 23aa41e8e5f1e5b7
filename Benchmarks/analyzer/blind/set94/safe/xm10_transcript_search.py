"""Search over 911 call transcripts produced by the speech-to-text pipeline."""
import json
import logging
import os
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("transcripts.search")

TRANSCRIPT_DIR = Path(os.environ.get("TRANSCRIPT_DIR", "/srv/psap/transcripts"))
MAX_RESULTS = 50


def load_transcripts(day: str):
    folder = TRANSCRIPT_DIR / day
    if not folder.is_dir():
        return []
    docs = []
    for f in sorted(folder.glob("*.json")):
        with f.open() as fh:
            docs.append(json.load(fh))
    return docs


def find_matches(docs, matcher):
    hits = []
    for doc in docs:
        for seg in doc.get("segments", []):
            if matcher.search(seg["text"]):
                hits.append({
                    "call_id": doc["call_id"],
                    "speaker": seg.get("speaker"),
                    "offset": seg.get("start"),
                    "text": seg["text"],
                })
                if len(hits) >= MAX_RESULTS:
                    return hits
    return hits


async def search(request: web.Request) -> web.Response:
    day = request.match_info["day"]
    if not re.fullmatch(r"\d{8}", day):
        raise web.HTTPBadRequest(text="day must be YYYYMMDD")
    pattern = request.query.get("q", "")
    if not pattern or len(pattern) > 200:
        raise web.HTTPBadRequest(text="missing or oversized q")
    flags = re.IGNORECASE if request.query.get("ci", "1") == "1" else 0
    try:
        matcher = re.compile(re.escape(pattern), flags)
    except re.error:
        raise web.HTTPBadRequest(text="bad pattern")
    docs = load_transcripts(day)
    hits = find_matches(docs, matcher)
    return web.json_response({"day": day, "count": len(hits), "hits": hits})


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_get("/transcripts/{day}/search", search)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8085)

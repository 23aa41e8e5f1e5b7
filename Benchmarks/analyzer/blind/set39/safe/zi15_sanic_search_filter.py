import logging
import re

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

from .catalog import load_tracks

logger = logging.getLogger("catalog.search")
bp = Blueprint("tracks", url_prefix="/tracks")

SEARCH_FIELDS = {"title", "artist", "album"}
PAGE_SIZE = 50
MAX_QUERY_LEN = 100


class TrackIndex:
    def __init__(self, tracks):
        self.tracks = tracks

    def filter(self, matcher, field):
        for track in self.tracks:
            if matcher.search(track.get(field, "")):
                yield track


def compile_query(raw, case_sensitive):
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(re.escape(raw[:MAX_QUERY_LEN]), flags)


@bp.get("/search")
async def search(request):
    raw = request.args.get("q", "")
    field = request.args.get("field", "title")
    if field not in SEARCH_FIELDS:
        raise BadRequest("unknown field")
    if not raw:
        raise BadRequest("q is required")
    try:
        matcher = compile_query(raw, request.args.get("case") == "1")
    except re.error:
        raise BadRequest("invalid search expression")
    index = request.app.ctx.track_index
    hits = []
    for track in index.filter(matcher, field):
        hits.append({"id": track["id"], "title": track["title"], "artist": track["artist"]})
        if len(hits) >= PAGE_SIZE:
            break
    logger.info("track search field=%s q=%r hits=%d", field, raw, len(hits))
    return json({"results": hits, "truncated": len(hits) >= PAGE_SIZE})


def create_app():
    app = Sanic("track_catalog")
    app.blueprint(bp)

    @app.before_server_start
    async def load_index(app, _loop):
        app.ctx.track_index = TrackIndex(await load_tracks())

    return app

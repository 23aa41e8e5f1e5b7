"""Project specification search service (MasterFormat divisions).

Specs are loaded once at start-up from the JSON export of the spec writer.
"""
import json
import logging
import re
from pathlib import Path

from aiohttp import web

log = logging.getLogger("specsearch")
SPEC_EXPORT = Path("/srv/specs/current/sections.json")
MAX_HITS = 100


def load_sections(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        raw = json.load(fh)
    by_division = {}
    for section in raw["sections"]:
        by_division.setdefault(section["division"], []).append(section)
    return by_division


async def on_startup(app: web.Application) -> None:
    app["specs"] = load_sections(SPEC_EXPORT)
    log.info("loaded %d divisions", len(app["specs"]))


def _snippet(text: str, match: re.Match, width: int = 80) -> str:
    start = max(match.start() - width, 0)
    return text[start:match.end() + width]


async def search_division(request: web.Request) -> web.Response:
    division = request.match_info["division"]
    sections = request.app["specs"].get(division)
    if sections is None:
        raise web.HTTPNotFound(text="unknown division")
    try:
        pattern = re.compile(request.query.get("q", ""), re.IGNORECASE)  # VULN
    except re.error:
        raise web.HTTPBadRequest(text="invalid search expression")
    hits = []
    for section in sections:
        m = pattern.search(section["body"])
        if m:
            hits.append({
                "number": section["number"],
                "title": section["title"],
                "snippet": _snippet(section["body"], m),
            })
            if len(hits) >= MAX_HITS:
                break
    return web.json_response({"division": division, "hits": hits})


async def list_divisions(request: web.Request) -> web.Response:
    specs = request.app["specs"]
    return web.json_response(
        [{"division": d, "sections": len(s)} for d, s in sorted(specs.items())]
    )


def create_app() -> web.Application:
    app = web.Application()
    app.on_startup.append(on_startup)
    app.router.add_get("/specs/divisions", list_divisions)
    app.router.add_get("/specs/divisions/{division}/search", search_division)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8081)

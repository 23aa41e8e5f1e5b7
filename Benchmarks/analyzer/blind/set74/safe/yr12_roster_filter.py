"""Advisor roster search (Starlette).

Advisors can filter a section roster by name, major or advisor notes. The
roster snapshots are produced by the registrar's nightly export job.
"""
import json
import logging
import os
import re
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("advising.roster")

ROSTER_DIR = Path(os.environ.get("ROSTER_DIR", "/srv/advising/rosters"))
SEARCHABLE = {"name", "major", "notes", "email"}
MAX_PATTERN = 200


async def load_roster(section: int) -> list:
    path = ROSTER_DIR / f"{section}.json"
    if not path.is_file():
        return []
    return json.loads(path.read_text(encoding="utf-8"))


def _field_value(student: dict, field: str) -> str:
    value = student.get(field) or ""
    return value if isinstance(value, str) else str(value)


async def roster_search(request: Request) -> JSONResponse:
    section = request.path_params["section"]
    pattern = request.query_params.get("match", "")
    field = request.query_params.get("field", "name")
    if field not in SEARCHABLE:
        return JSONResponse({"error": f"field must be one of {sorted(SEARCHABLE)}"}, status_code=400)
    if not pattern or len(pattern) > MAX_PATTERN:
        return JSONResponse({"error": "match must be 1-200 characters"}, status_code=400)

    roster = await load_roster(section)
    try:
        matcher = re.compile(re.escape(pattern), re.IGNORECASE)
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)

    hits = [
        {"id": s["id"], "name": s["name"], "major": s.get("major")}
        for s in roster
        if matcher.search(_field_value(s, field))
    ]
    log.info("roster search on section %s returned %d", section, len(hits))
    return JSONResponse({"section": section, "count": len(hits), "students": hits})


async def health(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


app = Starlette(routes=[
    Route("/rosters/{section:int}/search", roster_search),
    Route("/health", health),
])

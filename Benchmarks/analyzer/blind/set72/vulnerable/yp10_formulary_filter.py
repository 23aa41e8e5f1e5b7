"""Formulary lookup service used by the e-prescribing screen.

Prescribers type part of a drug name; power users can switch on
"pattern mode" to match several strengths/forms at once.
"""
import csv
import logging
import re
from functools import lru_cache

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("formulary")
FORMULARY_CSV = "/srv/formulary/current.csv"
MAX_RESULTS = 50


@lru_cache(maxsize=1)
def load_formulary():
    with open(FORMULARY_CSV, newline="", encoding="utf-8") as fh:
        return [
            {
                "ndc": row["ndc"],
                "name": row["proprietary_name"],
                "generic": row["generic_name"],
                "strength": row["strength"],
                "tier": int(row["tier"]),
            }
            for row in csv.DictReader(fh)
        ]


def build_matcher(term: str, pattern_mode: bool):
    if pattern_mode:
        source = term
    else:
        source = re.escape(term)
    return re.compile(source, re.IGNORECASE)  # VULN flow


def search_formulary(term: str, pattern_mode: bool, max_tier: int):
    matcher = build_matcher(term, pattern_mode)
    hits = []
    for drug in load_formulary():
        if drug["tier"] > max_tier:
            continue
        if matcher.search(drug["name"]) or matcher.search(drug["generic"]):
            hits.append(drug)
            if len(hits) >= MAX_RESULTS:
                break
    return hits


async def formulary_search(request: Request) -> JSONResponse:
    term = request.query_params.get("q", "").strip()
    if len(term) < 2:
        return JSONResponse({"error": "query too short"}, status_code=400)
    pattern_mode = request.query_params.get("mode") == "pattern"
    try:
        max_tier = int(request.query_params.get("max_tier", "5"))
    except ValueError:
        max_tier = 5
    try:
        hits = search_formulary(term, pattern_mode, max_tier)
    except re.error as exc:
        return JSONResponse({"error": "bad pattern: %s" % exc}, status_code=400)
    return JSONResponse({"count": len(hits), "results": hits})


async def health(_request: Request) -> JSONResponse:
    return JSONResponse({"ok": True, "drugs": len(load_formulary())})


app = Starlette(routes=[
    Route("/formulary/search", formulary_search),
    Route("/healthz", health),
])

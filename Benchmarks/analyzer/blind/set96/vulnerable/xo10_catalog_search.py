"""Target catalogue search for the scheduling UI."""
import csv
import logging
import re
from functools import lru_cache

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

CATALOG_CSV = "/srv/catalogs/targets.csv"
MAX_RESULTS = 200

log = logging.getLogger("catalog")


@lru_cache(maxsize=1)
def load_catalog() -> list:
    with open(CATALOG_CSV, newline="") as fh:
        return list(csv.DictReader(fh))


class NameMatcher:
    """Matches a row's name or aliases against an astronomer-supplied pattern."""

    def __init__(self, pattern: str, fields=("name", "aliases")):
        self.fields = fields
        self.regex = re.compile(pattern, re.IGNORECASE)  # VULN flow

    def matches(self, row: dict) -> bool:
        return any(self.regex.search(row.get(f) or "") for f in self.fields)


def in_box(row: dict, box) -> bool:
    ra, dec = float(row["ra"]), float(row["dec"])
    ra_min, ra_max, dec_min, dec_max = box
    return ra_min <= ra <= ra_max and dec_min <= dec <= dec_max


def parse_box(params):
    try:
        return (
            float(params.get("ra_min", 0)), float(params.get("ra_max", 360)),
            float(params.get("dec_min", -90)), float(params.get("dec_max", 90)),
        )
    except ValueError:
        return None


async def search(request: Request) -> JSONResponse:
    params = request.query_params
    pattern = params.get("name", "")
    box = parse_box(params)
    if not pattern or box is None:
        return JSONResponse({"error": "name pattern and numeric box required"}, status_code=400)
    try:
        matcher = NameMatcher(pattern)
    except re.error as exc:
        return JSONResponse({"error": f"bad pattern: {exc}"}, status_code=400)

    hits = []
    for row in load_catalog():
        if in_box(row, box) and matcher.matches(row):
            hits.append({"name": row["name"], "ra": float(row["ra"]), "dec": float(row["dec"]),
                         "vmag": row.get("vmag")})
            if len(hits) >= MAX_RESULTS:
                break
    log.debug("catalog search returned %d rows", len(hits))
    return JSONResponse({"count": len(hits), "targets": hits})


app = Starlette(routes=[Route("/catalog/search", search)])

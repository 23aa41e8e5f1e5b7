"""Ad-hoc record filtering for the open-data collections export API.

Clients post a JSON body such as::

    {"where": "r.year < 1900 and r.medium == 'oil on canvas'",
     "fields": ["object_number", "title", "year"]}
"""
import functools
import json
import os

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

RECORDS_PATH = os.environ.get("OPEN_DATA_RECORDS", "/srv/opendata/objects.json")
FIELDS = ("object_number", "title", "maker", "year", "medium", "department", "on_view")
MAX_RESULTS = 500


@functools.lru_cache(maxsize=1)
def load_records() -> tuple:
    with open(RECORDS_PATH, encoding="utf-8") as fh:
        return tuple(json.load(fh))


class _Row:
    __slots__ = ("_rec",)

    def __init__(self, rec: dict):
        self._rec = rec

    def __getattr__(self, name):
        return self._rec.get(name)


def compile_predicate(expr: str):
    source = f"lambda r: ({expr})"
    return eval(source, {"__builtins__": {}}, {})  # VULN flow


async def filter_records(request: Request) -> JSONResponse:
    body = await request.json()
    expr = str(body.get("where") or "True")
    fields = [f for f in body.get("fields", FIELDS) if f in FIELDS] or list(FIELDS)
    try:
        predicate = compile_predicate(expr)
        matches = []
        for rec in load_records():
            if predicate(_Row(rec)):
                matches.append({f: rec.get(f) for f in fields})
                if len(matches) >= MAX_RESULTS:
                    break
    except (SyntaxError, TypeError, ValueError, KeyError) as exc:
        return JSONResponse({"error": f"invalid filter: {exc}"}, status_code=400)
    return JSONResponse({"count": len(matches), "truncated": len(matches) >= MAX_RESULTS,
                         "records": matches})


async def describe(request: Request) -> JSONResponse:
    return JSONResponse({"fields": FIELDS, "example": "r.year < 1900 and r.on_view"})


app = Starlette(routes=[
    Route("/api/objects/filter", filter_records, methods=["POST"]),
    Route("/api/objects/fields", describe),
])

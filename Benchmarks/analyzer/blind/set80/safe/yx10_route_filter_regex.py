"""Route catalogue search for the operator control room.

Dispatchers can filter the route list with a text fragment such as
``N1`` to get the matching night routes.
"""
import csv
import logging
import os
import re
from functools import lru_cache
from typing import List, Optional

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="route-catalogue")
log = logging.getLogger("route_catalogue")

ROUTES_CSV = os.environ.get("ROUTES_CSV", "/srv/gtfs/current/routes.txt")
ROUTE_TYPES = {"0": "tram", "1": "metro", "2": "rail", "3": "bus", "4": "ferry"}


@lru_cache(maxsize=1)
def load_routes() -> List[dict]:
    with open(ROUTES_CSV, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        return [
            {
                "route_id": row["route_id"],
                "agency": row.get("agency_id", ""),
                "short_name": row.get("route_short_name", ""),
                "long_name": row.get("route_long_name", ""),
                "mode": ROUTE_TYPES.get(row.get("route_type", ""), "other"),
            }
            for row in reader
        ]


def build_matcher(pattern: str):
    try:
        return re.compile(re.escape(pattern), re.IGNORECASE)
    except re.error as exc:
        raise HTTPException(status_code=400, detail=f"invalid pattern: {exc}")


def route_matches(matcher, route: dict, field: str) -> bool:
    if field == "any":
        return bool(matcher.search(route["short_name"]) or matcher.search(route["long_name"]))
    return bool(matcher.search(route[field]))


@app.get("/routes/search")
def search_routes(
    pattern: str = Query(..., min_length=1, max_length=200),
    field: str = Query("any", pattern="^(any|short_name|long_name)$"),
    agency: Optional[str] = None,
    mode: Optional[str] = None,
):
    matcher = build_matcher(pattern)
    results = []
    for route in load_routes():
        if agency and route["agency"] != agency:
            continue
        if mode and route["mode"] != mode:
            continue
        if route_matches(matcher, route, field):
            results.append(route)
    log.info("route search matched %d routes", len(results))
    return {"count": len(results), "routes": results[:200]}

"""Polling place finder API.

Resolves a street address to a precinct using the state's precinct feed and
returns the assigned polling location and its hours.
"""
import logging
from typing import Optional

import requests
from fastapi import FastAPI, HTTPException, Query
from pydantic import BaseModel

log = logging.getLogger("polling_finder")
app = FastAPI(title="Polling Place Finder")

DEFAULT_FEED = "https://gis.sos.example.gov/precincts/v2/lookup"
HTTP_TIMEOUT = 8


class PollingPlace(BaseModel):
    precinct: str
    name: str
    address: str
    hours: str
    accessible: bool = True


class FeedClient:
    def __init__(self, base_url: str = DEFAULT_FEED):
        self.base_url = base_url
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "county-polling-finder/1.4"

    def lookup(self, address: str) -> dict:
        resp = self.session.get(self.base_url, params={"address": address}, timeout=HTTP_TIMEOUT)  # VULN flow
        resp.raise_for_status()
        return resp.json()


def resolve_feed(feed: Optional[str]) -> str:
    if not feed:
        return DEFAULT_FEED
    return feed.strip()


def pick_location(payload: dict) -> PollingPlace:
    loc = payload.get("polling_location") or {}
    return PollingPlace(
        precinct=payload.get("precinct", "unknown"),
        name=loc.get("name", ""),
        address=loc.get("address", ""),
        hours=loc.get("hours", "7:00 AM - 8:00 PM"),
        accessible=bool(loc.get("ada_accessible", True)),
    )


@app.get("/polling-place", response_model=PollingPlace)
def polling_place(
    address: str = Query(..., min_length=5),
    feed: Optional[str] = Query(None, description="Alternate precinct feed (testing)"),
):
    client = FeedClient(resolve_feed(feed))
    try:
        data = client.lookup(address)
    except requests.RequestException as exc:
        log.warning("precinct feed error: %r", exc)
        raise HTTPException(status_code=502, detail="precinct feed unavailable")
    if not data.get("precinct"):
        raise HTTPException(status_code=404, detail="address not matched to a precinct")
    return pick_location(data)


@app.get("/healthz")
def healthz():
    return {"ok": True}

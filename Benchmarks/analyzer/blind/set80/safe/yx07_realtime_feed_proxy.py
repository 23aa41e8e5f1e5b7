"""GTFS-realtime proxy for the public trip planner widget.

Partner sites embed the widget and point it at their own feed; the
proxy fetches the protobuf server-side to get around CORS.
"""
import logging
import os
import time
from typing import Dict, Optional, Tuple
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException, Query, Response

app = FastAPI(title="gtfs-rt-proxy")
log = logging.getLogger("rt_proxy")

FETCH_TIMEOUT = 8
CACHE_TTL = 15
ALLOWED_FEED_HOSTS = frozenset(
    h.strip().lower()
    for h in os.environ.get(
        "RT_FEED_HOSTS", "gtfsrt.metrobus.example,feeds.citytram.example,rt.riverferry.example"
    ).split(",")
    if h.strip()
)
_cache: Dict[str, Tuple[float, bytes]] = {}


class FeedSource:
    def __init__(self, url: str, agency: Optional[str] = None):
        self.url = url.strip()
        self.agency = agency or "unknown"

    def validate(self) -> None:
        parsed = urlparse(self.url)
        if parsed.scheme != "https" or (parsed.hostname or "").lower() not in ALLOWED_FEED_HOSTS:
            raise HTTPException(status_code=400, detail="feed_url is not a registered feed")
        if parsed.port not in (None, 443) or parsed.username or parsed.password:
            raise HTTPException(status_code=400, detail="feed_url is not a registered feed")

    def fetch(self) -> bytes:
        headers = {"Accept": "application/x-protobuf", "User-Agent": "rt-proxy/1.4"}
        resp = requests.get(self.url, headers=headers, timeout=FETCH_TIMEOUT, allow_redirects=False)
        resp.raise_for_status()
        return resp.content


def cached_fetch(source: FeedSource) -> bytes:
    now = time.monotonic()
    hit = _cache.get(source.url)
    if hit and now - hit[0] < CACHE_TTL:
        return hit[1]
    body = source.fetch()
    _cache[source.url] = (now, body)
    return body


@app.get("/proxy/gtfs-rt")
def proxy_feed(feed_url: str = Query(..., max_length=2048), agency: Optional[str] = None):
    source = FeedSource(feed_url, agency)
    source.validate()
    try:
        body = cached_fetch(source)
    except requests.RequestException as exc:
        log.warning("feed fetch failed for agency %r: %s", source.agency, type(exc).__name__)
        raise HTTPException(status_code=502, detail="upstream feed unavailable")
    return Response(content=body, media_type="application/x-protobuf",
                    headers={"Cache-Control": f"max-age={CACHE_TTL}"})


@app.get("/proxy/health")
def health():
    return {"cached_feeds": len(_cache)}

"""Distributor price-feed registration.

Distributors register the URL of their wholesale price list; we fetch it once
to validate the CSV header before saving the subscription.
"""
import csv
import io
import logging
from typing import Dict, List
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("pricefeeds")
app = FastAPI()

EXPECTED_COLUMNS = {"sku", "description", "case_price", "currency"}
ALLOWED_FEED_HOSTS = {"feeds.southernwinespirits.example", "prices.breakthru.example", "edi.rndc.example"}
SUBSCRIPTIONS: Dict[int, str] = {}


class PriceFeedRequest(BaseModel):
    distributor_id: int
    feed_url: str


class FeedFetcher:
    def __init__(self, timeout: float = 10.0):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "brewery-pricefeed/1.4"
        self.timeout = timeout

    def fetch(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_FEED_HOSTS or parts.port not in (None, 443):
            raise ValueError("feed host not allowed")
        resp = self.session.get(url, timeout=self.timeout, allow_redirects=False)
        resp.raise_for_status()
        return resp.text


fetcher = FeedFetcher()


def validate_csv(text: str) -> List[dict]:
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    missing = EXPECTED_COLUMNS - header
    if missing:
        raise ValueError("missing columns: %s" % ", ".join(sorted(missing)))
    return [row for _, row in zip(range(5), reader)]


@app.post("/price-feeds")
def register_feed(req: PriceFeedRequest):
    url = req.feed_url.strip()
    try:
        body = fetcher.fetch(url)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    except requests.RequestException as exc:
        log.info("feed fetch failed for distributor %d: %r", req.distributor_id, exc)
        raise HTTPException(status_code=502, detail="could not fetch feed")
    try:
        sample = validate_csv(body)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    SUBSCRIPTIONS[req.distributor_id] = url
    return {"distributor_id": req.distributor_id, "sample": sample}


@app.get("/price-feeds/{distributor_id}")
def get_feed(distributor_id: int):
    if distributor_id not in SUBSCRIPTIONS:
        raise HTTPException(status_code=404)
    return {"distributor_id": distributor_id, "feed_url": SUBSCRIPTIONS[distributor_id]}

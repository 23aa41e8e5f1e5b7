"""Commodity price feeds for the recycling sales desk.

Sales staff paste the URL of a buyer's price list (JSON/CSV) and get a preview
before the feed is scheduled for daily import.
"""
import logging
from urllib.parse import urlparse

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("price_feeds")

FETCH_TIMEOUT = 10
MAX_PREVIEW = 64 * 1024
MATERIALS = {"ferrous", "aluminium", "pet", "hdpe", "cardboard", "mixed-paper", "glass"}


class FeedSource:
    def __init__(self, url: str, material: str) -> None:
        self.url = (url or "").strip()
        self.material = material if material in MATERIALS else "mixed"

    @property
    def scheme(self) -> str:
        return urlparse(self.url).scheme

    def is_web(self) -> bool:
        return self.scheme in ("http", "https")


def fetch_feed(src: FeedSource) -> dict:
    resp = requests.get(src.url, timeout=FETCH_TIMEOUT, headers={"Accept": "application/json, text/csv"})  # VULN flow
    resp.raise_for_status()
    body = resp.content[:MAX_PREVIEW].decode("utf-8", "replace")
    return {
        "material": src.material,
        "status": resp.status_code,
        "content_type": resp.headers.get("Content-Type", ""),
        "preview": body,
    }


@app.post("/feeds/preview")
def preview_feed():
    data = request.get_json(silent=True) or {}
    src = FeedSource(data.get("url", ""), data.get("material", "mixed"))
    if not src.is_web():
        return jsonify(error="feed URL must be http(s)"), 400
    try:
        result = fetch_feed(src)
    except requests.RequestException as exc:
        log.warning("feed preview failed for %r: %s", src.url, exc)
        return jsonify(error="could not fetch feed"), 502
    return jsonify(result)


@app.get("/feeds/materials")
def list_materials():
    return jsonify(sorted(MATERIALS))


if __name__ == "__main__":
    app.run(port=8083)

"""Feed preview endpoint for the newsroom aggregator dashboard."""
import logging
import os
from urllib.parse import urlparse

import requests
from defusedxml import ElementTree
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("aggregator.preview")

SESSION = requests.Session()
SESSION.headers.update({"User-Agent": "NewsroomAggregator/2.3"})
SESSION.verify = os.environ.get("AGGREGATOR_CA_BUNDLE", True)

MAX_ITEMS = 15
ALLOWED_FEED_HOSTS = {
    "feeds.reuters.com",
    "rss.nytimes.com",
    "feeds.bbci.co.uk",
    "www.theguardian.com",
}


class FeedError(Exception):
    pass


def normalise_url(raw):
    raw = raw.strip()
    if not urlparse(raw).scheme:
        raw = "https://" + raw
    parsed = urlparse(raw)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_FEED_HOSTS:
        raise FeedError("feed host is not on the allow-list")
    if parsed.port not in (None, 443) or parsed.username or parsed.password:
        raise FeedError("unsupported feed URL")
    return raw


def fetch_feed(url):
    try:
        resp = SESSION.get(url, timeout=10, allow_redirects=False)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise FeedError(f"could not fetch feed: {exc}") from exc
    return resp.content


def parse_items(xml_bytes):
    try:
        root = ElementTree.fromstring(xml_bytes)
    except ElementTree.ParseError as exc:
        raise FeedError("feed is not valid XML") from exc
    items = []
    for item in root.iter("item"):
        items.append({
            "title": (item.findtext("title") or "").strip(),
            "link": (item.findtext("link") or "").strip(),
            "published": item.findtext("pubDate"),
        })
        if len(items) >= MAX_ITEMS:
            break
    return items


@app.route("/api/feeds/preview", methods=["POST"])
def preview_feed():
    payload = request.get_json(silent=True) or {}
    source = payload.get("url")
    if not source or not isinstance(source, str):
        return jsonify(error="url is required"), 400
    try:
        target = normalise_url(source)
        items = parse_items(fetch_feed(target))
    except FeedError as exc:
        log.info("preview failed: %r", exc)
        return jsonify(error=str(exc)), 502
    return jsonify(source=target, count=len(items), items=items)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(port=8050)

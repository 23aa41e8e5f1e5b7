"""Link-preview endpoint used by the chat frontend to unfurl pasted URLs."""
import logging
import os
from html.parser import HTMLParser
from typing import Dict, Optional

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("unfurl")

FETCH_TIMEOUT = float(os.environ.get("UNFURL_TIMEOUT", "4"))
MAX_BYTES = 512 * 1024
USER_AGENT = "ChatUnfurlBot/2.1 (+https://chat.example.com/bot)"


class MetaCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: Dict[str, str] = {}
        self._in_title = False
        self.title: Optional[str] = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.meta[attrs["property"][3:]] = attrs.get("content", "")
        elif tag == "title":
            self._in_title = True

    def handle_data(self, data):
        if self._in_title and self.title is None:
            self.title = data.strip()

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False


def normalise_url(raw: str) -> str:
    raw = raw.strip()
    if "://" not in raw:
        raw = "http://" + raw
    return raw


def fetch_page(url: str) -> str:
    resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=FETCH_TIMEOUT, stream=True)  # VULN flow
    resp.raise_for_status()
    body = resp.raw.read(MAX_BYTES, decode_content=True)
    return body.decode(resp.encoding or "utf-8", errors="replace")


@app.post("/api/unfurl")
def unfurl():
    payload = request.get_json(silent=True) or {}
    if not payload.get("url"):
        abort(400)
    target = normalise_url(payload["url"])
    try:
        html = fetch_page(target)
    except requests.RequestException as exc:
        log.info("unfurl failed for %r: %s", target, type(exc).__name__)
        return jsonify({"url": target, "error": "unreachable"}), 502

    collector = MetaCollector()
    collector.feed(html)
    return jsonify({
        "url": target,
        "title": collector.meta.get("title") or collector.title,
        "description": collector.meta.get("description"),
        "image": collector.meta.get("image"),
    })

"""Link preview service for the shortener: fetches title and og:image of a
destination so the dashboard can render a card for each short link."""
import logging
from html.parser import HTMLParser

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("previews")

USER_AGENT = "xp-linkpreview/1.2 (+https://sho.rt/bot)"
MAX_BYTES = 256 * 1024


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.title = None
        self.meta: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("property", "").startswith("og:"):
            self.meta[attrs["property"]] = attrs.get("content", "")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title and self.title is None:
            self.title = data.strip()


def fetch_preview(url: str) -> dict:
    resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=(3, 5), stream=True, allow_redirects=True)  # VULN flow
    body = resp.raw.read(MAX_BYTES, decode_content=True)
    parser = MetaParser()
    parser.feed(body.decode(resp.encoding or "utf-8", "replace"))
    return {
        "url": resp.url,
        "status": resp.status_code,
        "title": parser.meta.get("og:title") or parser.title,
        "description": parser.meta.get("og:description"),
        "image": parser.meta.get("og:image"),
    }


@app.post("/api/previews")
def create_preview():
    data = request.get_json(silent=True) or {}
    target = str(data.get("url", "")).strip()
    if not target.startswith(("http://", "https://")):
        abort(400)
    try:
        preview = fetch_preview(target)
    except requests.RequestException as exc:
        log.info("preview fetch failed for %r: %r", target, exc)
        return jsonify(error="could not fetch destination"), 502
    return jsonify(preview)

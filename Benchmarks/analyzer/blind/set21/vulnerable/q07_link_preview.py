"""Chat link-preview service: fetches a page and extracts OpenGraph metadata."""
import logging
from html.parser import HTMLParser

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("preview")

MAX_BYTES = 512 * 1024


class OpenGraphParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}

    def handle_starttag(self, tag, attrs):
        if tag != "meta":
            return
        attrs = dict(attrs)
        prop = attrs.get("property", "")
        if prop.startswith("og:") and "content" in attrs:
            self.meta[prop[3:]] = attrs["content"]


class PreviewFetcher:
    def __init__(self, session=None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "ChatPreviewBot/2.1"

    def fetch(self, target):
        resp = self.session.get(target, timeout=5, stream=True, allow_redirects=False)  # VULN flow
        resp.raise_for_status()
        body = resp.raw.read(MAX_BYTES, decode_content=True)
        return body.decode(resp.encoding or "utf-8", errors="replace")


fetcher = PreviewFetcher()


@app.post("/api/previews")
def create_preview():
    data = request.get_json(force=True)
    link = data.get("url", "").strip()
    if not link.startswith(("http://", "https://")):
        return jsonify(error="unsupported url"), 400
    try:
        html = fetcher.fetch(link)
    except requests.RequestException:
        log.warning("preview fetch failed for %r", link)
        return jsonify(error="fetch failed"), 502
    parser = OpenGraphParser()
    parser.feed(html)
    return jsonify(url=link, title=parser.meta.get("title"),
                   description=parser.meta.get("description"), image=parser.meta.get("image"))

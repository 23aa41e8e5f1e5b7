"""Link preview service for the team chat: fetch a page and extract og: tags."""
import logging
import os
from html.parser import HTMLParser
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("link-preview")

ALLOWED_HOSTS = {"github.com", "gitlab.com"}
ALLOWED_SUFFIXES = (".atlassian.net",)
MAX_BYTES = 512 * 1024

session = requests.Session()
session.headers["User-Agent"] = "chat-preview/1.3"
session.verify = os.environ.get("REQUESTS_CA_BUNDLE", True)


class OpenGraphParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        prop = attrs.get("property") or ""
        if tag == "meta" and prop.startswith("og:"):
            self.meta[prop[3:]] = attrs.get("content", "")
        elif tag == "title":
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def source_allowed(url):
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or parts.username or parts.password or port not in (None, 443):
        return False
    return host in ALLOWED_HOSTS or host.endswith(ALLOWED_SUFFIXES)


def fetch_preview(url):
    resp = session.get(url, timeout=5, stream=True, allow_redirects=False)
    resp.raise_for_status()
    raw = resp.raw.read(MAX_BYTES, decode_content=True)
    parser = OpenGraphParser()
    parser.feed(raw.decode(resp.encoding or "utf-8", "replace"))
    return {
        "title": parser.meta.get("title") or parser.title.strip(),
        "description": parser.meta.get("description", ""),
        "image": parser.meta.get("image"),
    }


@app.route("/preview")
def preview():
    url = request.args.get("url", "")
    if not source_allowed(url):
        return jsonify(error="source not allowed"), 403
    try:
        data = fetch_preview(url)
    except (requests.RequestException, ValueError) as exc:
        log.info("preview failed for %r: %r", url, exc)
        return jsonify(error="fetch failed"), 502
    return jsonify(data)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8040")))

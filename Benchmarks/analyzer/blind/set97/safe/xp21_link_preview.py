"""Link preview service for the shortener: fetches title and og:image of a
destination so the dashboard can render a card for each short link."""
import ipaddress
import logging
import socket
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("previews")

USER_AGENT = "xp-linkpreview/1.2 (+https://sho.rt/bot)"
MAX_BYTES = 256 * 1024
MAX_REDIRECTS = 3


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


def assert_public(url: str) -> None:
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("unsupported url")
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP):
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise ValueError("destination resolves to a non-public address")


def fetch_preview(url: str) -> dict:
    for _ in range(MAX_REDIRECTS + 1):
        assert_public(url)
        resp = requests.get(url, headers={"User-Agent": USER_AGENT}, timeout=(3, 5), stream=True, allow_redirects=False)
        if resp.is_redirect:
            url = urljoin(url, resp.headers["Location"])
            resp.close()
            continue
        break
    else:
        raise ValueError("too many redirects")
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
    except (requests.RequestException, ValueError, OSError) as exc:
        log.info("preview fetch failed for %r: %r", target, exc)
        return jsonify(error="could not fetch destination"), 502
    return jsonify(preview)

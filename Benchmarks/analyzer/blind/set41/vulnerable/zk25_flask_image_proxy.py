"""Image proxy used by the forum to serve remote avatars over HTTPS."""
import hashlib
import logging
import os
import urllib.request
from urllib.error import HTTPError, URLError

from flask import Flask, Response, abort, request

app = Flask(__name__)
log = logging.getLogger("imgproxy")

CACHE_DIR = os.environ.get("IMGPROXY_CACHE", "/var/cache/imgproxy")
MAX_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 8
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
USER_AGENT = "forum-imgproxy/1.4"


class RemoteImage:
    def __init__(self, url: str):
        self.url = url
        self.cache_key = hashlib.sha256(url.encode()).hexdigest()

    @property
    def cache_path(self) -> str:
        return os.path.join(CACHE_DIR, self.cache_key)

    def fetch(self):
        req = urllib.request.Request(self.url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(req, timeout=FETCH_TIMEOUT) as resp:  # VULN flow
            ctype = resp.headers.get_content_type()
            body = resp.read(MAX_BYTES + 1)
        return ctype, body


@app.get("/img")
def proxy_image():
    url = request.args.get("u", "")
    if not url:
        abort(400)
    image = RemoteImage(url)
    if os.path.exists(image.cache_path):
        with open(image.cache_path, "rb") as fh:
            return Response(fh.read(), mimetype="image/webp", headers={"Cache-Control": "public, max-age=86400"})
    try:
        ctype, body = image.fetch()
    except (HTTPError, URLError, ValueError) as exc:
        log.info("fetch failed for %r: %s", url, type(exc).__name__)
        abort(502)
    if ctype not in ALLOWED_TYPES or len(body) > MAX_BYTES:
        abort(415)
    with open(image.cache_path, "wb") as fh:
        fh.write(body)
    return Response(body, mimetype=ctype, headers={"Cache-Control": "public, max-age=86400"})

"""Image proxy that fetches remote pictures embedded in user posts and re-serves them."""
import hashlib
import os
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from flask import Flask, Response, abort, request

app = Flask(__name__)
CACHE_DIR = os.environ.get("IMAGE_CACHE", "/var/cache/image-proxy")
MAX_IMAGE_BYTES = 5 * 1024 * 1024
FETCH_TIMEOUT = 8
ALLOWED_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
ALLOWED_IMAGE_HOSTS = {"i.imgur.com", "images.unsplash.com", "upload.wikimedia.org", "pbs.twimg.com"}


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class RemoteImage:
    def __init__(self, url):
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_IMAGE_HOSTS:
            raise ValueError("image host not allowed")
        if parts.port not in (None, 443) or parts.username or parts.password:
            raise ValueError("image host not allowed")
        self.url = url
        self.cache_key = hashlib.sha256(url.encode("utf-8")).hexdigest()

    @property
    def cache_path(self):
        return os.path.join(CACHE_DIR, self.cache_key)


class ImageFetcher:
    user_agent = "forum-image-proxy/1.0"

    def __init__(self):
        self.opener = urllib.request.build_opener(_RefuseRedirects)

    def fetch(self, image):
        req = urllib.request.Request(image.url, headers={"User-Agent": self.user_agent})
        with self.opener.open(req, timeout=FETCH_TIMEOUT) as resp:
            ctype = resp.headers.get_content_type()
            if ctype not in ALLOWED_TYPES:
                raise ValueError("not an image")
            data = resp.read(MAX_IMAGE_BYTES + 1)
        if len(data) > MAX_IMAGE_BYTES:
            raise ValueError("image too large")
        return ctype, data


fetcher = ImageFetcher()


@app.route("/img")
def proxy_image():
    src = request.args.get("src", "")
    if not src:
        abort(400)
    try:
        image = RemoteImage(src)
    except ValueError:
        abort(400)
    try:
        ctype, data = fetcher.fetch(image)
    except (urllib.error.URLError, ValueError, OSError):
        abort(502)
    resp = Response(data, mimetype=ctype)
    resp.headers["Cache-Control"] = "public, max-age=86400"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp

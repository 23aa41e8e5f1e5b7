"""Image proxy used by the marketplace front-end to resize seller photos."""
import hashlib
import io
import logging
import os
import re
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, request, send_file
from PIL import Image

app = Flask(__name__)
log = logging.getLogger("imgproxy")

CACHE_DIR = os.environ.get("IMGPROXY_CACHE", "/var/cache/imgproxy")
MAX_SOURCE_BYTES = 8 * 1024 * 1024
SIZES = {"thumb": (160, 160), "card": (480, 360), "full": (1280, 960)}
ALLOWED_SOURCE_HOSTS = {"uploads.market-cdn.example", "photos.market-cdn.example"}
CACHE_NAME_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def cache_key(src, size):
    return hashlib.sha256(("%s|%s" % (src, size)).encode()).hexdigest() + ".jpg"


def cached_path(name):
    if not CACHE_NAME_RE.fullmatch(name.removesuffix(".jpg")):
        abort(400)
    return os.path.join(CACHE_DIR, name)


def save_to_cache(name, data):
    path = cached_path(name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def checked_source(src):
    parts = urlsplit(src)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_SOURCE_HOSTS or parts.port:
        abort(400)
    return src


def resize(data, size):
    img = Image.open(io.BytesIO(data))
    img = img.convert("RGB")
    img.thumbnail(SIZES[size])
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


@app.route("/img")
def proxy_image():
    size = request.args.get("size", "card")
    if size not in SIZES or "src" not in request.args:
        abort(400)
    name = request.args.get("cache_as") or cache_key(request.args["src"], size)
    path = cached_path(name)
    if os.path.isfile(path):
        return send_file(path, mimetype="image/jpeg", max_age=86400)
    upstream = requests.get(checked_source(request.args["src"]), timeout=(3, 10), stream=True, allow_redirects=False)
    if upstream.status_code != 200:
        abort(502)
    body = upstream.raw.read(MAX_SOURCE_BYTES + 1, decode_content=True)
    if len(body) > MAX_SOURCE_BYTES:
        abort(413)
    try:
        rendered = resize(body, size)
    except (OSError, ValueError):
        log.info("undecodable upstream image for size=%s", size)
        abort(415)
    path = save_to_cache(name, rendered)
    return send_file(path, mimetype="image/jpeg", max_age=86400)


@app.route("/healthz")
def healthz():
    return {"cache_entries": len(os.listdir(CACHE_DIR))}

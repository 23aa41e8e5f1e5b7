"""Parts catalogue admin: attach supplier product photos to a part.

Staff paste the image URL from the supplier website; we download it, make a
thumbnail and store both in the media bucket.
"""
import io
import logging
import uuid
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request
from PIL import Image

app = Flask(__name__)
log = logging.getLogger("part_images")

MEDIA_DIR = "/srv/parts-media"
MAX_BYTES = 8 * 1024 * 1024
THUMB_SIZE = (320, 320)
SUPPLIER_IMAGE_HOSTS = {
    "images.autopartsdirect.com",
    "cdn.boschautoparts.com",
    "media.wurth-supply.com",
}


class ImageImportError(Exception):
    pass


def check_source(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in SUPPLIER_IMAGE_HOSTS:
        raise ImageImportError("image host is not an approved supplier")
    return url


def download_image(url: str) -> bytes:
    resp = requests.get(check_source(url), timeout=10, stream=True, allow_redirects=False)
    if resp.status_code != 200:
        raise ImageImportError(f"supplier returned HTTP {resp.status_code}")
    ctype = resp.headers.get("Content-Type", "")
    if not ctype.startswith("image/"):
        raise ImageImportError(f"not an image ({ctype!r})")
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        raise ImageImportError("image too large")
    return data


def store_image(part_no: str, data: bytes) -> dict:
    key = uuid.uuid4().hex
    img = Image.open(io.BytesIO(data))
    img.convert("RGB").save(f"{MEDIA_DIR}/{key}.jpg", "JPEG", quality=90)
    img.thumbnail(THUMB_SIZE)
    img.convert("RGB").save(f"{MEDIA_DIR}/{key}_thumb.jpg", "JPEG", quality=80)
    return {"part": part_no, "image": f"{key}.jpg", "thumb": f"{key}_thumb.jpg"}


@app.route("/admin/parts/<part_no>/image", methods=["POST"])
def attach_image(part_no):
    body = request.get_json(force=True) or {}
    source = body.get("image_url", "").strip()
    if not source:
        return jsonify(error="image_url required"), 400
    try:
        data = download_image(source)
        record = store_image(part_no, data)
    except (ImageImportError, requests.RequestException) as exc:
        log.warning("image import failed for part %r: %r", part_no, exc)
        return jsonify(error=str(exc)), 502
    except OSError:
        return jsonify(error="unreadable image"), 422
    return jsonify(record), 201

"""Import listing photos for used-car adverts from a URL.

Sales staff paste the image URL from the previous owner's advert or from the
auction site and the service copies it into our photo store.
"""
import logging
import os
import uuid

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("listings.photos")

PHOTO_DIR = os.environ.get("PHOTO_DIR", "/srv/listings/photos")
MAX_BYTES = 8 * 1024 * 1024


class PhotoImportError(Exception):
    pass


def fetch_remote_image(url: str) -> bytes:
    resp = requests.get(url, timeout=10, stream=True)  # VULN flow
    if resp.status_code != 200:
        raise PhotoImportError(f"upstream returned {resp.status_code}: {resp.text[:300]}")
    ctype = resp.headers.get("Content-Type", "")
    if not ctype.startswith("image/"):
        raise PhotoImportError(f"not an image ({ctype}): {resp.text[:300]}")
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        raise PhotoImportError("image too large")
    return data


def save_photo(listing_id: int, data: bytes) -> str:
    name = f"{listing_id}_{uuid.uuid4().hex}.jpg"
    path = os.path.join(PHOTO_DIR, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return name


@app.post("/listings/<int:listing_id>/photos/import")
def import_photo(listing_id):
    body = request.get_json(silent=True) or {}
    source = str(body.get("image_url", "")).strip()
    if not source:
        abort(400)
    try:
        data = fetch_remote_image(source)
    except (PhotoImportError, requests.RequestException) as exc:
        log.warning("photo import failed for listing %d: %s", listing_id, exc)
        return jsonify({"error": str(exc)}), 502
    name = save_photo(listing_id, data)
    log.info("listing %d: imported photo %s (%d bytes)", listing_id, name, len(data))
    return jsonify({"photo": name, "bytes": len(data)}), 201

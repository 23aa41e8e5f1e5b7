"""Donor profile photos: donors paste a link and we cache a thumbnail."""
import hashlib
import io
import logging
import os

import requests
from flask import Flask, abort, jsonify, request
from PIL import Image

app = Flask(__name__)
log = logging.getLogger("crm.avatars")

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/crm/avatars")
THUMB_SIZE = (160, 160)


class AvatarFetcher:
    def __init__(self, session=None, max_bytes: int = 2_000_000):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "donorcrm-avatar/1.4"
        self.max_bytes = max_bytes

    def fetch(self, url: str) -> bytes:
        resp = self.session.get(url, timeout=5, stream=True)  # VULN flow
        resp.raise_for_status()
        ctype = resp.headers.get("Content-Type", "")
        if not ctype.startswith("image/"):
            raise ValueError(f"unexpected content type {ctype!r}")
        data = resp.raw.read(self.max_bytes + 1, decode_content=True)
        if len(data) > self.max_bytes:
            raise ValueError("image too large")
        return data


def make_thumbnail(data: bytes, donor_id: int) -> str:
    img = Image.open(io.BytesIO(data))
    img.thumbnail(THUMB_SIZE)
    name = hashlib.sha256(f"donor-{donor_id}".encode()).hexdigest()[:16] + ".png"
    path = os.path.join(AVATAR_DIR, name)
    img.convert("RGB").save(path, "PNG")
    return name


fetcher = AvatarFetcher()


@app.route("/donors/<int:donor_id>/avatar", methods=["POST"])
def set_avatar(donor_id):
    body = request.get_json(silent=True) or {}
    photo_url = (body.get("photo_url") or "").strip()
    if not photo_url:
        abort(400, "photo_url is required")
    try:
        data = fetcher.fetch(photo_url)
        name = make_thumbnail(data, donor_id)
    except (requests.RequestException, ValueError, OSError) as exc:
        log.info("avatar fetch failed for donor %d: %r", donor_id, str(exc))
        return jsonify({"error": "could not fetch image", "detail": str(exc)}), 422
    return jsonify({"donor_id": donor_id, "avatar": f"/static/avatars/{name}"})

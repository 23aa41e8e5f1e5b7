"""Let service providers set their profile photo from a URL."""
import hashlib
import logging
import os
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("avatars")

AVATAR_DIR = os.environ.get("AVATAR_DIR", "/srv/marketplace/media/avatars")
MAX_BYTES = 2 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
ALLOWED_IMAGE_HOSTS = {
    "images.unsplash.com",
    "secure.gravatar.com",
    "lh3.googleusercontent.com",
    "cdn.marketplace-media.net",
}


class AvatarError(Exception):
    pass


def _checked_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_IMAGE_HOSTS:
        raise AvatarError("image host not allowed")
    if parts.port not in (None, 443) or parts.username or parts.password:
        raise AvatarError("image host not allowed")
    return url


def download_image(url: str) -> tuple[bytes, str]:
    resp = requests.get(_checked_url(url), timeout=(3, 10), stream=True, allow_redirects=False)
    resp.raise_for_status()
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    if ctype not in ALLOWED_TYPES:
        raise AvatarError(f"unsupported content type {ctype or 'unknown'}")
    chunks, size = [], 0
    for chunk in resp.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise AvatarError("image too large")
        chunks.append(chunk)
    return b"".join(chunks), ALLOWED_TYPES[ctype]


def store_avatar(provider_id: int, body: bytes, ext: str) -> str:
    digest = hashlib.sha256(body).hexdigest()[:16]
    name = f"{provider_id}-{digest}{ext}"
    with open(os.path.join(AVATAR_DIR, name), "wb") as fh:
        fh.write(body)
    return name


@app.before_request
def load_provider():
    pid = request.headers.get("X-Provider-Id")
    g.provider_id = int(pid) if pid and pid.isdigit() else None


@app.route("/me/avatar", methods=["PUT"])
def set_avatar():
    if g.provider_id is None:
        abort(401)
    source = (request.get_json(silent=True) or {}).get("image_url", "")
    if not source.startswith(("http://", "https://")):
        return jsonify({"error": "image_url must be http(s)"}), 400
    try:
        body, ext = download_image(source)
    except (requests.RequestException, AvatarError) as exc:
        log.info("avatar fetch failed for provider %s", g.provider_id)
        return jsonify({"error": str(exc)}), 422
    name = store_avatar(g.provider_id, body, ext)
    return jsonify({"avatar": f"/media/avatars/{name}"})

"""Profile avatar import: members can point at an image URL instead of
uploading a file. The image is fetched, resized and stored locally."""
import io
import logging
import os
import uuid
from urllib.parse import urlsplit

import requests
from flask import Blueprint, abort, current_app, g, jsonify, request
from PIL import Image, UnidentifiedImageError

bp = Blueprint("avatars", __name__)
log = logging.getLogger("forum.avatars")

AVATAR_SIZE = (128, 128)
MAX_BYTES = 2 * 1024 * 1024
ALLOWED_AVATAR_HOSTS = frozenset({"gravatar.com", "www.gravatar.com", "i.imgur.com", "avatars.githubusercontent.com"})


class AvatarImportError(Exception):
    pass


def check_source(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_AVATAR_HOSTS:
        raise AvatarImportError("avatar host is not supported")
    if parts.port not in (None, 443) or parts.username or parts.password:
        raise AvatarImportError("avatar host is not supported")
    return parts.geturl()


class AvatarImporter:
    def __init__(self, storage_dir: str, timeout: float = 8.0):
        self.storage_dir = storage_dir
        self.timeout = timeout

    def download(self, source_url: str) -> bytes:
        source_url = check_source(source_url)
        resp = requests.get(source_url, timeout=self.timeout, stream=True, allow_redirects=False)
        if resp.status_code != 200:
            raise AvatarImportError(f"remote returned {resp.status_code}")
        data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(data) > MAX_BYTES:
            raise AvatarImportError("image too large")
        return data

    def store(self, data: bytes) -> str:
        try:
            img = Image.open(io.BytesIO(data))
            img = img.convert("RGBA")
        except UnidentifiedImageError as exc:
            raise AvatarImportError("not an image") from exc
        img.thumbnail(AVATAR_SIZE)
        name = f"{uuid.uuid4().hex}.png"
        img.save(os.path.join(self.storage_dir, name), format="PNG")
        return name

    def import_from(self, source_url: str) -> str:
        return self.store(self.download(source_url))


@bp.route("/profile/avatar/import", methods=["POST"])
def import_avatar():
    if g.get("user") is None:
        abort(401)
    payload = request.get_json(silent=True) or {}
    url = (payload.get("url") or "").strip()
    if not url.startswith(("http://", "https://")):
        return jsonify({"error": "url must be http(s)"}), 400

    importer = AvatarImporter(current_app.config["AVATAR_DIR"])
    try:
        filename = importer.import_from(url)
    except (AvatarImportError, requests.RequestException) as exc:
        return jsonify({"error": f"could not import avatar: {exc}"}), 422

    g.user.avatar = filename
    g.user.save()
    log.info("user %s imported avatar %s", g.user.id, filename)
    return jsonify({"avatar": filename})

"""Trainer marketplace: import a profile photo from a URL the trainer pastes."""
import io
import logging
import os
import uuid
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, jsonify, request
from PIL import Image

app = Flask(__name__)
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/gymhub/media/avatars")
MAX_BYTES = 4 * 1024 * 1024
ALLOWED_IMAGE_HOSTS = {"i.imgur.com", "images.unsplash.com", "secure.gravatar.com",
                       "pbs.twimg.com", "cdn.gymhub.example.com"}
log = logging.getLogger("avatars")


class AvatarImporter:
    def __init__(self, source_url: str, trainer_id: int):
        self.source_url = source_url.strip()
        self.trainer_id = trainer_id

    def _checked_url(self) -> str:
        parts = urlsplit(self.source_url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_IMAGE_HOSTS:
            raise ValueError("image host not allowed")
        if parts.port not in (None, 443):
            raise ValueError("image host not allowed")
        return parts.geturl()

    def download(self) -> bytes:
        url = self._checked_url()
        resp = requests.get(url, timeout=10, stream=True, allow_redirects=False)
        resp.raise_for_status()
        data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(data) > MAX_BYTES:
            raise ValueError("image too large")
        return data

    def save(self, data: bytes) -> str:
        img = Image.open(io.BytesIO(data))
        img.thumbnail((512, 512))
        name = f"{self.trainer_id}_{uuid.uuid4().hex}.png"
        img.convert("RGB").save(os.path.join(MEDIA_ROOT, name), "PNG")
        return name


@app.route("/trainers/<int:trainer_id>/avatar/import", methods=["POST"])
def import_avatar(trainer_id):
    body = request.get_json(silent=True) or {}
    if not body.get("url"):
        abort(400)
    importer = AvatarImporter(body["url"], trainer_id)
    try:
        data = importer.download()
        name = importer.save(data)
    except (requests.RequestException, ValueError, OSError) as exc:
        log.warning("avatar import failed for trainer %s: %r", trainer_id, exc)
        return jsonify(error="could not import image"), 422
    return jsonify(avatar=f"/media/avatars/{name}")


if __name__ == "__main__":
    app.run()

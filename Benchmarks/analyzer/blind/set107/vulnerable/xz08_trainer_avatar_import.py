"""Trainer marketplace: import a profile photo from a URL the trainer pastes."""
import io
import logging
import os
import uuid

import requests
from flask import Flask, abort, jsonify, request
from PIL import Image

app = Flask(__name__)
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/gymhub/media/avatars")
MAX_BYTES = 4 * 1024 * 1024
log = logging.getLogger("avatars")


class AvatarImporter:
    def __init__(self, source_url: str, trainer_id: int):
        self.source_url = source_url.strip()
        self.trainer_id = trainer_id

    def download(self) -> bytes:
        resp = requests.get(self.source_url, timeout=10, stream=True)  # VULN flow
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

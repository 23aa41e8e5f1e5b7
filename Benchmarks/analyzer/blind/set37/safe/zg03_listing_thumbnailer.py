"""Photo upload and thumbnail generation for property listings."""
import logging
import os
import re
import subprocess
import uuid

from flask import Flask, abort, jsonify, request
from flask.views import MethodView
from werkzeug.utils import secure_filename

logger = logging.getLogger(__name__)

UPLOAD_ROOT = os.environ.get("LISTING_UPLOAD_ROOT", "/srv/listings/uploads")
THUMB_ROOT = os.environ.get("LISTING_THUMB_ROOT", "/srv/listings/thumbs")
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".webp"}
SIZE_RE = re.compile(r"(\d{2,4})x(\d{2,4})")


class Thumbnailer:
    def __init__(self, convert_bin="convert"):
        self.convert_bin = convert_bin

    def render(self, src, dst, size, quality):
        cmd = [self.convert_bin, src, "-auto-orient", "-resize", size, "-quality", str(quality), dst]
        subprocess.run(cmd, check=True, timeout=60)


class ListingPhotoView(MethodView):
    def __init__(self, thumbnailer):
        self.thumbnailer = thumbnailer

    def _store_upload(self, listing_id):
        photo = request.files.get("photo")
        if photo is None or not photo.filename:
            abort(400, "photo is required")
        ext = os.path.splitext(secure_filename(photo.filename))[1].lower()
        if ext not in ALLOWED_EXT:
            abort(415, "unsupported image type")
        stored = f"{uuid.uuid4().hex}{ext}"
        listing_dir = os.path.join(UPLOAD_ROOT, str(listing_id))
        os.makedirs(listing_dir, exist_ok=True)
        photo.save(os.path.join(listing_dir, stored))
        return stored, os.path.join(listing_dir, stored)

    def post(self, listing_id):
        size = request.form.get("size", "640x480")
        if not SIZE_RE.fullmatch(size):
            abort(400, "size must look like 640x480")
        try:
            quality = int(request.form.get("quality", "82"))
        except ValueError:
            abort(400, "quality must be an integer")
        if not 1 <= quality <= 100:
            abort(400, "quality must be between 1 and 100")
        stored, src = self._store_upload(listing_id)

        thumb_dir = os.path.join(THUMB_ROOT, str(listing_id))
        os.makedirs(thumb_dir, exist_ok=True)
        dst = os.path.join(thumb_dir, f"{os.path.splitext(stored)[0]}_thumb.jpg")
        try:
            self.thumbnailer.render(src, dst, size, quality)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            logger.warning("thumbnail failed for listing %d photo %r", listing_id, stored)
            abort(500, "thumbnail generation failed")
        return jsonify({"photo": stored, "thumbnail": os.path.basename(dst)}), 201

    def delete(self, listing_id):
        thumb_dir = os.path.join(THUMB_ROOT, str(listing_id))
        removed = 0
        if os.path.isdir(thumb_dir):
            for name in os.listdir(thumb_dir):
                os.remove(os.path.join(thumb_dir, name))
                removed += 1
        return jsonify({"removed_thumbnails": removed})


def create_app():
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 15 * 1024 * 1024
    view = ListingPhotoView.as_view("listing_photos", thumbnailer=Thumbnailer())
    app.add_url_rule(
        "/listings/<int:listing_id>/photos", view_func=view, methods=["POST", "DELETE"]
    )
    return app

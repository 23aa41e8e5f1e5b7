"""Thumbnail generation endpoint for the photo sharing service."""
import logging
import os
import re
import subprocess
import uuid

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("thumbs")

UPLOAD_ROOT = os.environ.get("PHOTO_UPLOAD_ROOT", "/srv/photos/uploads")
THUMB_ROOT = os.environ.get("PHOTO_THUMB_ROOT", "/srv/photos/thumbs")
ALLOWED_SIZES = {"small": "160x160", "medium": "480x480", "large": "1080x1080"}
PHOTO_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}\.(?:jpe?g|png|webp)$")


class ThumbnailJob:
    def __init__(self, source_name, size, quality=82):
        self.source_name = source_name
        self.size = size
        self.quality = quality
        self.output_name = f"{uuid.uuid4().hex}.jpg"

    @property
    def source_path(self):
        return os.path.join(UPLOAD_ROOT, self.source_name)

    @property
    def output_path(self):
        return os.path.join(THUMB_ROOT, self.output_name)

    def command(self):
        geometry = ALLOWED_SIZES.get(self.size, ALLOWED_SIZES["medium"])
        return [
            "convert", self.source_path, "-auto-orient", "-strip",
            "-thumbnail", f"{geometry}^", "-gravity", "center", "-extent", geometry,
            "-quality", str(self.quality), self.output_path,
        ]


def run_job(job):
    cmd = job.command()
    log.debug("running convert for job %s", job.output_name)
    proc = subprocess.run(cmd, capture_output=True, timeout=60)
    if proc.returncode != 0:
        log.warning("convert failed rc=%d", proc.returncode)
        return None
    return job.output_name


@app.route("/api/photos/thumbnail", methods=["POST"])
def make_thumbnail():
    payload = request.get_json(silent=True) or {}
    name = payload.get("photo")
    if not name or not PHOTO_NAME_RE.fullmatch(name):
        abort(400, "photo is required")
    try:
        quality = max(10, min(100, int(payload.get("quality", 82))))
    except (TypeError, ValueError):
        abort(400, "quality must be an integer")
    job = ThumbnailJob(name, payload.get("size", "medium"), quality=quality)
    out = run_job(job)
    if out is None:
        abort(500, "thumbnail generation failed")
    return jsonify({"thumbnail": f"/thumbs/{out}"})


@app.route("/healthz")
def healthz():
    return {"ok": True}

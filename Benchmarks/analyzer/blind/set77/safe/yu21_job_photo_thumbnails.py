"""Tornado endpoint where tradespeople upload before/after photos of a job."""
import json
import logging
import os
import re
import subprocess
import uuid

import tornado.ioloop
import tornado.web

log = logging.getLogger("photos")

UPLOAD_DIR = os.environ.get("PHOTO_DIR", "/srv/handyhub/photos")
THUMB_DIR = os.path.join(UPLOAD_DIR, "thumbs")
MAX_UPLOAD = 12 * 1024 * 1024
DEFAULT_SIZE = "480x360"
ALLOWED_EXT = {".jpg", ".jpeg", ".png", ".webp", ".heic"}
SIZE_RE = re.compile(r"^\d{2,4}x\d{2,4}$")


class PhotoStore:
    def __init__(self, root: str):
        self.root = root

    def save(self, job_id: int, filename: str, body: bytes) -> str:
        ext = os.path.splitext(filename)[1].lower() or ".jpg"
        if ext not in ALLOWED_EXT:
            raise tornado.web.HTTPError(415, "unsupported image type")
        name = f"{job_id}-{uuid.uuid4().hex}{ext}"
        path = os.path.join(self.root, name)
        with open(path, "wb") as fh:
            fh.write(body)
        return path


def make_thumbnail(src: str, size: str) -> str:
    dst = os.path.join(THUMB_DIR, os.path.basename(src))
    cmd = ["convert", src, "-auto-orient", "-thumbnail", size, "-strip", dst]
    status = subprocess.run(cmd, check=False, timeout=60).returncode
    if status != 0:
        raise RuntimeError(f"convert exited with {status}")
    return dst


class UploadHandler(tornado.web.RequestHandler):
    def initialize(self, store: PhotoStore):
        self.store = store

    def post(self, job_id: str):
        files = self.request.files.get("photo")
        if not files:
            raise tornado.web.HTTPError(400, "photo is required")
        upload = files[0]
        if len(upload["body"]) > MAX_UPLOAD:
            raise tornado.web.HTTPError(413)
        size = self.get_body_argument("size", DEFAULT_SIZE)
        if not SIZE_RE.fullmatch(size):
            raise tornado.web.HTTPError(400, "size must look like 480x360")
        path = self.store.save(int(job_id), upload["filename"], upload["body"])
        try:
            thumb = make_thumbnail(path, size)
        except (RuntimeError, subprocess.TimeoutExpired):
            log.exception("thumbnail failed for job %s", job_id)
            raise tornado.web.HTTPError(500, "could not process image")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"photo": os.path.basename(path), "thumbnail": os.path.basename(thumb)}))


def make_app():
    os.makedirs(THUMB_DIR, exist_ok=True)
    return tornado.web.Application(
        [(r"/jobs/(\d+)/photos", UploadHandler, {"store": PhotoStore(UPLOAD_DIR)})],
        max_body_size=MAX_UPLOAD + 64 * 1024,
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8070, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()

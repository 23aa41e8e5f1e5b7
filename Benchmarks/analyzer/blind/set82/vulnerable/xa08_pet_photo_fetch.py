"""Tornado service used by shelter volunteers to import adoption-listing photos
from an external URL into our media bucket."""
import hashlib
import json
import logging
import os

import requests
import tornado.ioloop
import tornado.web

log = logging.getLogger("photo_import")

MEDIA_DIR = os.environ.get("MEDIA_DIR", "/srv/shelter/media/listings")
MAX_BYTES = 8 * 1024 * 1024
ALLOWED_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class ImportError_(Exception):
    pass


def download_image(url: str) -> tuple:
    resp = requests.get(url, timeout=10, stream=True)  # VULN flow
    resp.raise_for_status()
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    if ctype not in ALLOWED_TYPES:
        raise ImportError_(f"unsupported content type {ctype!r}")
    chunks, size = [], 0
    for chunk in resp.iter_content(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise ImportError_("image too large")
        chunks.append(chunk)
    return b"".join(chunks), ALLOWED_TYPES[ctype]


class PhotoImportHandler(tornado.web.RequestHandler):
    def prepare(self):
        if not self.get_secure_cookie("volunteer"):
            raise tornado.web.HTTPError(401)

    def post(self, listing_id: str):
        try:
            body = json.loads(self.request.body or b"{}")
        except ValueError:
            raise tornado.web.HTTPError(400, "invalid JSON")
        source_url = body.get("photo_url", "").strip()
        if not source_url:
            raise tornado.web.HTTPError(400, "photo_url required")
        try:
            data, ext = download_image(source_url)
        except (requests.RequestException, ImportError_) as exc:
            log.info("photo import failed for listing %s: %r", listing_id, exc)
            self.set_status(502)
            self.write({"error": "could not fetch image"})
            return
        name = hashlib.sha256(data).hexdigest()[:24] + ext
        os.makedirs(MEDIA_DIR, exist_ok=True)
        with open(os.path.join(MEDIA_DIR, name), "wb") as fh:
            fh.write(data)
        self.write({"listing": listing_id, "photo": name, "bytes": len(data)})


def make_app():
    return tornado.web.Application(
        [(r"/listings/(\d+)/photos/import", PhotoImportHandler)],
        cookie_secret=os.environ["SHELTER_COOKIE_SECRET"],
    )


if __name__ == "__main__":
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()

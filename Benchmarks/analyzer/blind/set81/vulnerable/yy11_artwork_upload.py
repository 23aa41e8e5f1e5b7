"""Artwork upload endpoint for the print order portal (Falcon)."""
import logging
import os
import uuid

import falcon

log = logging.getLogger("artwork.upload")

UPLOAD_DIR = os.environ.get("ARTWORK_DIR", "/srv/printshop/artwork")
ALLOWED_EXT = {".pdf", ".tif", ".tiff", ".eps", ".ai", ".indd"}
MAX_SIZE = 200 * 1024 * 1024
CHUNK = 1024 * 1024


class ArtworkResource:
    def __init__(self, storage_dir):
        self.storage_dir = storage_dir

    def _save(self, stream, stored_name):
        path = os.path.join(self.storage_dir, stored_name)
        size = 0
        with open(path, "wb") as out:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > MAX_SIZE:
                    out.close()
                    os.unlink(path)
                    raise falcon.HTTPPayloadTooLarge(description="artwork exceeds 200 MB")
                out.write(chunk)
        return size

    def on_post(self, req, resp, order_id):
        customer = req.get_header("X-Customer-Ref") or "anonymous"
        form = req.get_media()
        for part in form:
            if part.name != "artwork":
                continue
            original = part.filename or "artwork"
            ext = os.path.splitext(original)[1].lower()
            if ext not in ALLOWED_EXT:
                log.warning("rejected upload for order %d from %s: %s", order_id, customer, original)  # VULN flow
                raise falcon.HTTPUnsupportedMediaType(description="unsupported artwork format")
            stored = f"{order_id}-{uuid.uuid4().hex}{ext}"
            size = self._save(part.stream, stored)
            entry = "order=%d customer=%s file=%s stored=%s bytes=%d" % (
                order_id, customer, original, stored, size)
            log.info("artwork received " + entry)  # VULN flow
            resp.media = {"order": order_id, "stored_as": stored, "bytes": size}
            resp.status = falcon.HTTP_201
            return
        raise falcon.HTTPBadRequest(description="no artwork part in upload")


def create_app():
    logging.basicConfig(
        filename=os.environ.get("ARTWORK_LOG", "/var/log/printshop/artwork.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    app = falcon.App()
    app.add_route("/orders/{order_id:int}/artwork", ArtworkResource(UPLOAD_DIR))
    return app


app = create_app()

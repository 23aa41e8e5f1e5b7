"""Falcon endpoint for partner rental shops to bulk-upload signed waiver
scans as a tar.gz archive; files land in the waiver archive per shop."""
import io
import logging
import os
import tarfile
import uuid

import falcon

log = logging.getLogger("waivers.bulk")

ARCHIVE_ROOT = os.environ.get("WAIVER_ARCHIVE", "/srv/waivers")
MAX_UPLOAD = 200 * 1024 * 1024
SHOP_KEYS = {}  # populated from the partner config at startup


class BulkUpload:
    def __init__(self, root: str):
        self.root = root

    def _authorise(self, req) -> str:
        shop = req.get_header("X-Shop-Id") or ""
        key = req.get_header("X-Shop-Key") or ""
        if not shop or SHOP_KEYS.get(shop) != key:
            raise falcon.HTTPUnauthorized(title="unknown shop")
        return shop

    def _destination(self, shop: str) -> str:
        dest = os.path.join(self.root, shop, uuid.uuid4().hex)
        os.makedirs(dest, exist_ok=True)
        return dest

    def on_post(self, req, resp):
        shop = self._authorise(req)
        if (req.content_length or 0) > MAX_UPLOAD:
            raise falcon.HTTPPayloadTooLarge()
        payload = io.BytesIO(req.bounded_stream.read())
        dest = self._destination(shop)
        try:
            with tarfile.open(fileobj=payload, mode="r:gz") as tar:
                names = [m.name for m in tar.getmembers() if m.isfile()]
                tar.extractall(dest)  # VULN flow
        except tarfile.TarError as exc:
            raise falcon.HTTPBadRequest(title="bad archive", description=str(exc))
        log.info("shop %s uploaded %d waiver files", shop, len(names))
        resp.media = {"batch": os.path.basename(dest), "files": len(names)}
        resp.status = falcon.HTTP_201


class BatchListing:
    def __init__(self, root: str):
        self.root = root

    def on_get(self, req, resp, shop):
        if shop not in SHOP_KEYS:
            raise falcon.HTTPNotFound()
        folder = os.path.join(self.root, shop)
        resp.media = sorted(os.listdir(folder)) if os.path.isdir(folder) else []


app = falcon.App()
app.add_route("/waivers/bulk", BulkUpload(ARCHIVE_ROOT))
app.add_route("/waivers/{shop}/batches", BatchListing(ARCHIVE_ROOT))

"""Warranty claim evidence store (Falcon).

Technicians attach photos of failed components to a manufacturer warranty
claim from the workshop tablets; the OEM auditor later downloads them.
"""
import logging
import os
import uuid

import falcon

log = logging.getLogger("warranty.photos")

UPLOAD_ROOT = os.environ.get("WARRANTY_UPLOAD_ROOT", "/srv/warranty/claims")
MAX_UPLOAD = 15 * 1024 * 1024
CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}


class ClaimPhotoResource:
    def __init__(self, upload_root: str):
        self.upload_root = upload_root

    def _claim_dir(self, claim_id: int) -> str:
        path = os.path.join(self.upload_root, str(claim_id))
        os.makedirs(path, exist_ok=True)
        return path

    def on_post(self, req, resp, claim_id):
        filename = req.get_header("X-Filename") or req.get_param("name") or f"{uuid.uuid4().hex}.jpg"
        ext = os.path.splitext(filename)[1].lower()
        if ext not in CONTENT_TYPES:
            raise falcon.HTTPUnsupportedMediaType(description="jpg, png or pdf only")
        length = req.content_length or 0
        if length > MAX_UPLOAD:
            raise falcon.HTTPPayloadTooLarge()
        target = os.path.join(self._claim_dir(claim_id), filename)
        with open(target, "wb") as out:  # VULN flow
            while True:
                chunk = req.bounded_stream.read(64 * 1024)
                if not chunk:
                    break
                out.write(chunk)
        log.info("claim %d: stored %r", claim_id, filename)
        resp.status = falcon.HTTP_201
        resp.media = {"claim": claim_id, "file": filename}

    def on_get(self, req, resp, claim_id):
        name = req.get_param("name", required=True)
        path = os.path.join(self.upload_root, str(claim_id), name)
        if not os.path.isfile(path):
            raise falcon.HTTPNotFound()
        resp.content_type = CONTENT_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
        resp.stream = open(path, "rb")  # VULN flow
        resp.content_length = os.path.getsize(path)


class ClaimIndexResource:
    def __init__(self, upload_root: str):
        self.upload_root = upload_root

    def on_get(self, req, resp, claim_id):
        path = os.path.join(self.upload_root, str(claim_id))
        files = sorted(os.listdir(path)) if os.path.isdir(path) else []
        resp.media = {"claim": claim_id, "files": files}


def create_app():
    app = falcon.App()
    app.add_route("/claims/{claim_id:int}/photos", ClaimPhotoResource(UPLOAD_ROOT))
    app.add_route("/claims/{claim_id:int}", ClaimIndexResource(UPLOAD_ROOT))
    return app


app = create_app()

"""Falcon service that mirrors supporting documents linked from council
agenda items (staff reports, presentations) into the clerk's archive so the
packet stays complete even if the original link rots."""
import hashlib
import json
import logging
import os
import uuid

import falcon
import requests

log = logging.getLogger("agenda_mirror")

ARCHIVE_DIR = os.environ.get("AGENDA_ARCHIVE_DIR", "/srv/agendas/mirror")
MAX_BYTES = 50 * 1024 * 1024
FETCH_TIMEOUT = 15


class AttachmentMirror:
    def __init__(self, storage_dir: str):
        self.storage_dir = storage_dir
        os.makedirs(storage_dir, exist_ok=True)

    def fetch(self, url: str) -> tuple:
        resp = requests.get(url, timeout=FETCH_TIMEOUT, stream=True)  # VULN flow
        resp.raise_for_status()
        chunks, size = [], 0
        for chunk in resp.iter_content(64 * 1024):
            size += len(chunk)
            if size > MAX_BYTES:
                raise ValueError("attachment too large")
            chunks.append(chunk)
        return b"".join(chunks), resp.headers.get("Content-Type", "application/octet-stream")

    def store(self, data: bytes) -> str:
        name = f"{uuid.uuid4().hex}.bin"
        with open(os.path.join(self.storage_dir, name), "wb") as fh:
            fh.write(data)
        return name


class AttachmentResource:
    def __init__(self, mirror: AttachmentMirror):
        self.mirror = mirror

    def on_post(self, req: falcon.Request, resp: falcon.Response, item_id: int):
        doc = req.get_media() or {}
        source = doc.get("url")
        if not source:
            raise falcon.HTTPBadRequest(title="url is required")
        try:
            data, content_type = self.mirror.fetch(source)
        except (requests.RequestException, ValueError) as exc:
            raise falcon.HTTPBadGateway(title="could not fetch attachment", description=str(exc))
        stored = self.mirror.store(data)
        resp.status = falcon.HTTP_201
        resp.media = {
            "item_id": item_id,
            "stored_as": stored,
            "content_type": content_type,
            "sha256": hashlib.sha256(data).hexdigest(),
            "preview": data[:200].decode("utf-8", "replace") if content_type.startswith("text/") else None,
        }
        log.info("mirrored attachment for item %d (%d bytes)", item_id, len(data))


app = falcon.App()
app.add_route("/agenda-items/{item_id:int}/attachments", AttachmentResource(AttachmentMirror(ARCHIVE_DIR)))

"""Falcon resources for helpdesk ticket attachments (multipart uploads)."""
import logging
import os
import uuid

import falcon

log = logging.getLogger("helpdesk.attachments")

UPLOAD_ROOT = os.environ.get("ATTACHMENT_ROOT", "/srv/helpdesk/attachments")
MAX_PART = 20 * 1024 * 1024
CHUNK = 64 * 1024


class AttachmentStore:
    def __init__(self, root: str):
        self.root = root

    def ticket_dir(self, ticket_id: int) -> str:
        path = os.path.join(self.root, str(ticket_id))
        os.makedirs(path, exist_ok=True)
        return path

    def path_for(self, ticket_id: int, filename: str) -> str:
        base = os.path.realpath(self.ticket_dir(ticket_id))
        dest = os.path.realpath(os.path.join(base, os.path.basename(filename)))
        if os.path.dirname(dest) != base:
            raise falcon.HTTPBadRequest(title="invalid file name")
        return dest

    def write(self, dest: str, stream) -> int:
        written = 0
        with open(dest, "wb") as fh:
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                written += len(chunk)
                if written > MAX_PART:
                    raise falcon.HTTPPayloadTooLarge(title="attachment too large")
                fh.write(chunk)
        return written


class AttachmentCollection:
    def __init__(self, store: AttachmentStore):
        self.store = store

    def on_post(self, req: falcon.Request, resp: falcon.Response, ticket_id: int) -> None:
        saved = []
        for part in req.get_media():
            if part.name != "file" or not part.secure_filename:
                continue
            dest = self.store.path_for(ticket_id, part.secure_filename)
            size = self.store.write(dest, part.stream)
            saved.append({"name": os.path.basename(dest), "bytes": size, "ref": uuid.uuid4().hex})
        if not saved:
            raise falcon.HTTPBadRequest(title="no file parts in request")
        log.info("ticket %d: stored %d attachment(s)", ticket_id, len(saved))
        resp.status = falcon.HTTP_201
        resp.media = {"attachments": saved}


class AttachmentItem:
    def __init__(self, store: AttachmentStore):
        self.store = store

    def on_delete(self, req: falcon.Request, resp: falcon.Response, ticket_id: int, name: str) -> None:
        target = self.store.path_for(ticket_id, req.get_param("file") or name)
        if not os.path.isfile(target):
            raise falcon.HTTPNotFound()
        os.remove(target)
        resp.status = falcon.HTTP_204


store = AttachmentStore(UPLOAD_ROOT)
app = falcon.App()
app.add_route("/tickets/{ticket_id:int}/attachments", AttachmentCollection(store))
app.add_route("/tickets/{ticket_id:int}/attachments/{name}", AttachmentItem(store))

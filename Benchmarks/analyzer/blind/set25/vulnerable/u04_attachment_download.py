"""Serve ticket attachments stored on the local volume."""
import logging
import mimetypes
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
log = logging.getLogger("attachments")

ATTACHMENT_ROOT = os.environ.get("ATTACHMENT_ROOT", "/srv/helpdesk/attachments")
INLINE_TYPES = {"image/png", "image/jpeg", "image/gif", "application/pdf"}


class AttachmentStore:
    def __init__(self, root):
        self.root = root

    def ticket_dir(self, ticket_id):
        return os.path.join(self.root, str(ticket_id))

    def path_for(self, ticket_id, filename):
        return os.path.join(self.ticket_dir(ticket_id), filename)

    def list(self, ticket_id):
        folder = self.ticket_dir(ticket_id)
        if not os.path.isdir(folder):
            return []
        return sorted(os.listdir(folder))


store = AttachmentStore(ATTACHMENT_ROOT)


@app.route("/tickets/<int:ticket_id>/attachments")
def list_attachments(ticket_id):
    return {"ticket": ticket_id, "files": store.list(ticket_id)}


@app.route("/tickets/<int:ticket_id>/attachments/download")
def download_attachment(ticket_id):
    filename = request.args.get("name", "")
    if not filename:
        abort(400)
    path = store.path_for(ticket_id, filename)
    if not os.path.isfile(path):
        abort(404)
    mimetype = mimetypes.guess_type(path)[0] or "application/octet-stream"
    inline = mimetype in INLINE_TYPES and request.args.get("inline") == "1"
    log.info("serving attachment for ticket %d", ticket_id)
    return send_file(  # VULN flow
        path,
        mimetype=mimetype,
        as_attachment=not inline,
        download_name=os.path.basename(path),
    )

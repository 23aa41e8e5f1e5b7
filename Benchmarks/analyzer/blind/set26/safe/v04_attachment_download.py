"""Helpdesk ticket attachments: upload and download."""
import os

from flask import Flask, abort, jsonify, request, send_file, session
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["HELPDESK_SECRET_KEY"]
app.config["MAX_CONTENT_LENGTH"] = 20 * 1024 * 1024

ATTACHMENT_ROOT = os.environ.get("ATTACHMENT_ROOT", "/srv/helpdesk/attachments")


class AttachmentStore:
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def ticket_dir(self, ticket_id):
        return os.path.join(self.root, str(ticket_id))

    def path_for(self, ticket_id, name):
        folder = os.path.realpath(self.ticket_dir(ticket_id))
        candidate = os.path.realpath(os.path.join(folder, name))
        if not candidate.startswith(folder + os.sep):
            raise ValueError("attachment outside ticket folder")
        return candidate

    def save(self, ticket_id, upload):
        folder = self.ticket_dir(ticket_id)
        os.makedirs(folder, exist_ok=True)
        name = secure_filename(upload.filename or "")
        if not name:
            raise ValueError("empty filename")
        upload.save(os.path.join(folder, name))
        return name

    def list(self, ticket_id):
        folder = self.ticket_dir(ticket_id)
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


store = AttachmentStore(ATTACHMENT_ROOT)


def require_agent():
    if not session.get("agent_id"):
        abort(401)


@app.post("/tickets/<int:ticket_id>/attachments")
def upload_attachment(ticket_id):
    require_agent()
    upload = request.files.get("file")
    if upload is None:
        abort(400)
    try:
        name = store.save(ticket_id, upload)
    except ValueError:
        abort(400)
    return jsonify({"stored": name}), 201


@app.get("/tickets/<int:ticket_id>/attachments")
def list_attachments(ticket_id):
    require_agent()
    return jsonify({"files": store.list(ticket_id)})


@app.get("/tickets/<int:ticket_id>/attachments/download")
def download_attachment(ticket_id):
    require_agent()
    name = request.args.get("file", "")
    if not name:
        abort(400)
    try:
        path = store.path_for(ticket_id, name)
    except ValueError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)

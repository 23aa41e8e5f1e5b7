"""Helpdesk attachment listing and download endpoints."""
import os

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
app.config["ATTACHMENT_ROOT"] = os.environ.get("ATTACHMENT_ROOT", "/srv/helpdesk/attachments")


class AttachmentStore:
    def __init__(self, root):
        self.root = os.path.realpath(root)

    def ticket_dir(self, ticket_id):
        return os.path.join(self.root, str(ticket_id))

    def list(self, ticket_id):
        folder = self.ticket_dir(ticket_id)
        if not os.path.isdir(folder):
            return []
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
        return [
            {"name": entry.name, "size": entry.stat().st_size}
            for entry in entries
            if entry.is_file()
        ]

    def path_for(self, ticket_id, filename):
        base = os.path.realpath(self.ticket_dir(ticket_id))
        candidate = os.path.realpath(os.path.join(base, filename))
        if not candidate.startswith(base + os.sep):
            raise ValueError("attachment outside of ticket folder")
        return candidate


def get_store():
    return AttachmentStore(app.config["ATTACHMENT_ROOT"])


@app.route("/tickets/<int:ticket_id>/attachments")
def list_attachments(ticket_id):
    return jsonify(get_store().list(ticket_id))


@app.route("/tickets/<int:ticket_id>/attachments/download")
def download_attachment(ticket_id):
    name = request.args.get("name", "")
    if not name:
        abort(400)
    try:
        path = get_store().path_for(ticket_id, name)
    except ValueError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)

"""Support-desk attachment uploads (Quart)."""
import logging
import os
import uuid
from datetime import datetime, timezone

from quart import Quart, abort, jsonify, request, send_file
from werkzeug.utils import secure_filename

app = Quart(__name__)
app.config["MAX_CONTENT_LENGTH"] = 25 * 1024 * 1024
logger = logging.getLogger("attachments")

UPLOAD_ROOT = os.environ.get("ATTACHMENT_ROOT", "/srv/helpdesk/attachments")
ALLOWED_EXTENSIONS = {".pdf", ".png", ".jpg", ".jpeg", ".txt", ".log", ".csv"}
ATTACHMENTS: dict = {}


@app.post("/tickets/<int:ticket_id>/attachments")
async def upload_attachment(ticket_id: int):
    files = await request.files
    upload = files.get("attachment")
    if upload is None or not upload.filename:
        abort(400)

    original = secure_filename(upload.filename) or "attachment"
    ext = os.path.splitext(original)[1].lower()
    if ext not in ALLOWED_EXTENSIONS:
        abort(415)

    stored_name = f"{uuid.uuid4().hex}{ext}"
    dest = os.path.join(UPLOAD_ROOT, stored_name)
    await upload.save(dest)

    record = {
        "id": stored_name,
        "name": original,
        "size": os.path.getsize(dest),
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    }
    ATTACHMENTS.setdefault(ticket_id, {})[stored_name] = record
    logger.info("stored attachment for ticket %d (%d bytes)", ticket_id, record["size"])
    return jsonify(record), 201


@app.get("/tickets/<int:ticket_id>/attachments/<attachment_id>")
async def download_attachment(ticket_id: int, attachment_id: str):
    record = ATTACHMENTS.get(ticket_id, {}).get(attachment_id)
    if record is None:
        abort(404)
    path = os.path.join(UPLOAD_ROOT, record["id"])
    return await send_file(path, as_attachment=True, attachment_filename=record["name"])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5005)

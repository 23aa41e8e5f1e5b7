"""Support-desk attachment uploads (Quart)."""
import logging
import os
from datetime import datetime, timezone

from quart import Quart, abort, jsonify, request

app = Quart(__name__, static_folder="static", static_url_path="/static")
app.config["MAX_CONTENT_LENGTH"] = 25 * 1024 * 1024
logger = logging.getLogger("attachments")

UPLOAD_ROOT = os.path.join(app.root_path, "static", "attachments")
ATTACHMENTS: dict = {}


@app.post("/tickets/<int:ticket_id>/attachments")
async def upload_attachment(ticket_id: int):
    files = await request.files
    upload = files.get("attachment")
    if upload is None or not upload.filename:
        abort(400, "attachment is required")

    dest_dir = os.path.join(UPLOAD_ROOT, str(ticket_id))
    os.makedirs(dest_dir, exist_ok=True)
    dest = os.path.join(dest_dir, upload.filename)
    await upload.save(dest)  # VULN flow

    record = {
        "name": upload.filename,
        "content_type": upload.mimetype,
        "size": os.path.getsize(dest),
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
        "url": f"/static/attachments/{ticket_id}/{upload.filename}",
    }
    ATTACHMENTS.setdefault(ticket_id, []).append(record)
    logger.info("stored attachment for ticket %d (%d bytes)", ticket_id, record["size"])
    return jsonify(record), 201


@app.get("/tickets/<int:ticket_id>/attachments")
async def list_attachments(ticket_id: int):
    return jsonify(ATTACHMENTS.get(ticket_id, []))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5005)

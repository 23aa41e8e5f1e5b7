"""Attachment storage for the online benefits application form."""
import logging
import os
import uuid
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

UPLOAD_ROOT = Path(os.environ.get("FORM_UPLOAD_ROOT", "/srv/forms/uploads"))
MAX_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {"application/pdf", "image/jpeg", "image/png"}

app = FastAPI(title="Benefits form attachments")
log = logging.getLogger("attachments")


def submission_dir(submission_id: str) -> Path:
    try:
        uuid.UUID(submission_id)
    except ValueError:
        raise HTTPException(status_code=400, detail="bad submission id")
    return UPLOAD_ROOT / submission_id


def attachment_path(submission_id: str, filename: str) -> Path:
    return submission_dir(submission_id) / filename


@app.post("/submissions/{submission_id}/attachments")
async def upload_attachment(submission_id: str, file: UploadFile = File(...)):
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="unsupported file type")
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="file too large")
    folder = submission_dir(submission_id)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / file.filename
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("stored %d bytes for submission %s", len(data), submission_id)
    return {"stored": file.filename, "size": len(data)}


@app.get("/submissions/{submission_id}/attachments")
def list_attachments(submission_id: str):
    folder = submission_dir(submission_id)
    if not folder.is_dir():
        return {"files": []}
    return {"files": sorted(p.name for p in folder.iterdir() if p.is_file())}


@app.get("/submissions/{submission_id}/attachments/{filename:path}")
def download_attachment(submission_id: str, filename: str):
    path = attachment_path(submission_id, filename)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="no such attachment")
    return FileResponse(path)  # VULN flow

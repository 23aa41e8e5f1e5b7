"""Attachment storage for the online benefits application form."""
import logging
import os
import re
import uuid
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

UPLOAD_ROOT = Path(os.environ.get("FORM_UPLOAD_ROOT", "/srv/forms/uploads"))
MAX_BYTES = 10 * 1024 * 1024
ALLOWED_TYPES = {"application/pdf", "image/jpeg", "image/png"}
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]")

app = FastAPI(title="Benefits form attachments")
log = logging.getLogger("attachments")


def submission_dir(submission_id: str) -> Path:
    try:
        uuid.UUID(submission_id)
    except ValueError:
        raise HTTPException(status_code=400, detail="bad submission id")
    return UPLOAD_ROOT / submission_id


def attachment_path(submission_id: str, filename: str) -> Path:
    base = submission_dir(submission_id).resolve()
    candidate = (base / filename).resolve()
    if not candidate.is_relative_to(base):
        raise HTTPException(status_code=404, detail="no such attachment")
    return candidate


@app.post("/submissions/{submission_id}/attachments")
async def upload_attachment(submission_id: str, file: UploadFile = File(...)):
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="unsupported file type")
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="file too large")
    folder = submission_dir(submission_id)
    folder.mkdir(parents=True, exist_ok=True)
    name = SAFE_NAME.sub("_", Path(file.filename or "upload").name).lstrip(".") or "upload"
    dest = folder / name
    with open(dest, "wb") as fh:
        fh.write(data)
    log.info("stored %d bytes for submission %s", len(data), submission_id)
    return {"stored": name, "size": len(data)}


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
    return FileResponse(path)

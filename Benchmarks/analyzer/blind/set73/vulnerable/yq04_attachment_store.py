"""Ticket attachment storage for the support portal."""
import logging
import os

from fastapi import FastAPI, File, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("support.attachments")
app = FastAPI(title="attachments")

ATTACH_ROOT = os.environ.get("ATTACH_ROOT", "/var/lib/helpdesk/attachments")
MAX_BYTES = 25 * 1024 * 1024
CHUNK = 64 * 1024


def ticket_dir(ticket_id: int) -> str:
    path = os.path.join(ATTACH_ROOT, str(ticket_id))
    os.makedirs(path, exist_ok=True)
    return path


def attachment_path(ticket_id: int, filename: str) -> str:
    return os.path.join(ticket_dir(ticket_id), filename)


@app.post("/tickets/{ticket_id}/attachments")
async def upload_attachment(ticket_id: int, upload: UploadFile = File(...)):
    dest = attachment_path(ticket_id, upload.filename or "upload.bin")
    size = 0
    with open(dest, "wb") as out:  # VULN flow
        while True:
            chunk = await upload.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > MAX_BYTES:
                break
            out.write(chunk)
    if size > MAX_BYTES:
        os.remove(dest)
        raise HTTPException(status_code=413, detail="attachment too large")
    log.info("stored attachment for ticket %d (%d bytes)", ticket_id, size)
    return {"ticket": ticket_id, "name": os.path.basename(dest), "size": size}


@app.get("/tickets/{ticket_id}/attachments")
def list_attachments(ticket_id: int):
    return {"files": sorted(os.listdir(ticket_dir(ticket_id)))}


@app.get("/tickets/{ticket_id}/attachment")
def download_attachment(ticket_id: int, name: str = Query(...)):
    path = attachment_path(ticket_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such attachment")
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow

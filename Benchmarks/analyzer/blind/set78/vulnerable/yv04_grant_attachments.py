"""Grant attachment service: budgets, 990s and narrative PDFs per application."""
import logging
import os

from fastapi import FastAPI, File, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

ATTACHMENT_ROOT = os.environ.get("GRANT_ATTACHMENT_ROOT", "/srv/grants/attachments")
MAX_UPLOAD_BYTES = 25 * 1024 * 1024

app = FastAPI(title="grant-attachments")
log = logging.getLogger("grants.attachments")


class AttachmentStore:
    def __init__(self, root: str):
        self.root = root

    def grant_dir(self, grant_id: int) -> str:
        return os.path.join(self.root, str(grant_id))

    def path_for(self, grant_id: int, filename: str) -> str:
        return os.path.join(self.grant_dir(grant_id), filename)

    def list(self, grant_id: int) -> list:
        directory = self.grant_dir(grant_id)
        if not os.path.isdir(directory):
            return []
        return sorted(os.listdir(directory))


store = AttachmentStore(ATTACHMENT_ROOT)


@app.get("/grants/{grant_id}/attachments")
def list_attachments(grant_id: int):
    return {"grant_id": grant_id, "files": store.list(grant_id)}


@app.get("/grants/{grant_id}/attachment")
def download_attachment(grant_id: int, name: str = Query(..., min_length=1)):
    path = store.path_for(grant_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="attachment not found")
    log.info("serving attachment %r for grant %d", name, grant_id)
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow


@app.post("/grants/{grant_id}/attachments", status_code=201)
async def upload_attachment(grant_id: int, file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise HTTPException(status_code=413, detail="attachment too large")
    dest = store.path_for(grant_id, file.filename or "upload.bin")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("stored %d bytes for grant %d", len(data), grant_id)
    return {"grant_id": grant_id, "stored": os.path.basename(dest)}

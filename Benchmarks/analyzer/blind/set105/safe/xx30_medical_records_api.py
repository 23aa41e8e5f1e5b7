"""Bodily-injury claims: medical record documents for adjusters and nurse reviewers."""
import logging
import os
import re

from fastapi import FastAPI, File, Header, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("bi.records")
app = FastAPI(title="Medical records")

RECORDS_ROOT = os.environ.get("MEDICAL_RECORDS_ROOT", "/srv/claims/medical")
CLAIM_REF_RE = re.compile(r"BI-\d{8}")


class RecordLocator:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def folder(self, claim_ref: str) -> str:
        if not CLAIM_REF_RE.fullmatch(claim_ref):
            raise HTTPException(status_code=400, detail="bad claim reference")
        return os.path.join(self.root, claim_ref, "records")

    def path_for(self, claim_ref: str, document: str) -> str:
        base = os.path.realpath(self.folder(claim_ref))
        path = os.path.realpath(os.path.join(base, document))
        if os.path.commonpath([base, path]) != base or path == base:
            raise HTTPException(status_code=400, detail="bad document name")
        return path


locator = RecordLocator(RECORDS_ROOT)


@app.get("/claims/{claim_ref}/records")
def list_records(claim_ref: str):
    folder = locator.folder(claim_ref)
    if not os.path.isdir(folder):
        raise HTTPException(status_code=404)
    return {"claim": claim_ref, "documents": sorted(os.listdir(folder))}


@app.post("/claims/{claim_ref}/records", status_code=201)
async def upload_record(claim_ref: str, file: UploadFile = File(...), x_user: str = Header(...)):
    name = os.path.basename(file.filename or "")
    if not name.lower().endswith(".pdf"):
        raise HTTPException(status_code=415, detail="PDF only")
    dest = locator.path_for(claim_ref, name)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as fh:
        fh.write(await file.read())
    log.info("%r uploaded %r to %s", x_user, name, claim_ref)
    return {"stored": name}


@app.get("/claims/{claim_ref}/records/download")
def download_record(claim_ref: str, doc: str = Query(..., max_length=255), x_user: str = Header(...)):
    path = locator.path_for(claim_ref, doc)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404)
    log.info("%r downloaded %r from %s", x_user, doc, claim_ref)
    return FileResponse(path, filename=os.path.basename(path))


@app.delete("/claims/{claim_ref}/records")
def delete_record(claim_ref: str, doc: str = Query(..., max_length=255), x_user: str = Header(...)):
    path = locator.path_for(claim_ref, doc)
    if not os.path.exists(path):
        raise HTTPException(status_code=404)
    os.remove(path)
    log.info("%r deleted %r from %s", x_user, doc, claim_ref)
    return {"deleted": doc}

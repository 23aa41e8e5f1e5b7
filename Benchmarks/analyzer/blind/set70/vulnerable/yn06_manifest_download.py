"""Document service for voyage manifests, cargo lists and stowage reports."""
import logging
import os
from typing import List

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

app = FastAPI(title="voyage-docs")
log = logging.getLogger("voyage_docs")

MANIFEST_ROOT = os.environ.get("MANIFEST_ROOT", "/data/manifests")
MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".xml": "application/xml",
    ".edi": "text/plain",
    ".csv": "text/csv",
}


def voyage_dir(voyage: str) -> str:
    return os.path.join(MANIFEST_ROOT, voyage.upper())


def manifest_path(voyage: str, filename: str) -> str:
    return os.path.join(voyage_dir(voyage), filename)


def media_type_for(path: str) -> str:
    return MEDIA_TYPES.get(os.path.splitext(path)[1].lower(), "application/octet-stream")


@app.get("/voyages/{voyage}/documents")
def list_documents(voyage: str) -> List[str]:
    folder = voyage_dir(voyage)
    if not voyage.isalnum() or not os.path.isdir(folder):
        raise HTTPException(status_code=404, detail="unknown voyage")
    return sorted(f for f in os.listdir(folder) if not f.startswith("."))


@app.get("/voyages/{voyage}/documents/download")
def download(voyage: str, name: str = Query(..., min_length=1)):
    path = manifest_path(voyage, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="document not found")
    log.info("serving voyage document (%d bytes)", os.path.getsize(path))
    return FileResponse(path, media_type=media_type_for(path), filename=os.path.basename(path))  # VULN flow

"""Lot label service: stores and serves printable case labels per packing lot."""
import logging
import os
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("labels")
LABEL_ROOT = os.environ.get("LABEL_ROOT", "/srv/packhouse/labels")
ALLOWED_SUFFIXES = {".pdf", ".zpl", ".png"}
MAX_LABEL_BYTES = 5 * 1024 * 1024

app = FastAPI(title="packhouse-labels")


def label_path(lot_code: str, filename: str) -> str:
    return os.path.join(LABEL_ROOT, lot_code, filename)


def media_type_for(path: str) -> str:
    return {
        ".pdf": "application/pdf",
        ".png": "image/png",
    }.get(Path(path).suffix.lower(), "application/octet-stream")


@app.get("/labels")
def download_label(lot: str = Query(..., min_length=3), file: str = Query(...)):
    path = label_path(lot, file)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="label not found")
    return FileResponse(path, media_type=media_type_for(path))  # VULN flow


@app.get("/labels/{lot}")
def list_labels(lot: str):
    folder = Path(LABEL_ROOT) / lot
    if lot.startswith(".") or not folder.is_dir():
        raise HTTPException(status_code=404, detail="unknown lot")
    return sorted(p.name for p in folder.iterdir() if p.suffix.lower() in ALLOWED_SUFFIXES)


@app.post("/labels/{lot}")
async def upload_label(lot: str, upload: UploadFile = File(...)):
    suffix = Path(upload.filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise HTTPException(status_code=415, detail="unsupported label format")
    data = await upload.read()
    if len(data) > MAX_LABEL_BYTES:
        raise HTTPException(status_code=413, detail="label too large")
    dest = label_path(lot, upload.filename)
    os.makedirs(os.path.dirname(dest), exist_ok=True)  # VULN flow
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("stored label %r for lot %r (%d bytes)", upload.filename, lot, len(data))
    return {"lot": lot, "file": upload.filename, "bytes": len(data)}

"""Lot label service: stores and serves printable case labels per packing lot."""
import logging
import os
import re
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, Query, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("labels")
LABEL_ROOT = os.path.realpath(os.environ.get("LABEL_ROOT", "/srv/packhouse/labels"))
ALLOWED_SUFFIXES = {".pdf", ".zpl", ".png"}
MAX_LABEL_BYTES = 5 * 1024 * 1024
LOT_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{2,31}$")

app = FastAPI(title="packhouse-labels")


def label_path(lot_code: str, filename: str) -> str:
    if not LOT_RE.match(lot_code):
        raise HTTPException(status_code=400, detail="invalid lot code")
    candidate = os.path.realpath(os.path.join(LABEL_ROOT, lot_code, os.path.basename(filename)))
    if os.path.commonpath([LABEL_ROOT, candidate]) != LABEL_ROOT:
        raise HTTPException(status_code=400, detail="invalid label path")
    return candidate


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
    return FileResponse(path, media_type=media_type_for(path))


@app.get("/labels/{lot}")
def list_labels(lot: str):
    folder = Path(LABEL_ROOT) / lot
    if not LOT_RE.match(lot) or not folder.is_dir():
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
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with open(dest, "wb") as fh:
        fh.write(data)
    log.info("stored label %r for lot %r (%d bytes)", upload.filename, lot, len(data))
    return {"lot": lot, "file": os.path.basename(dest), "bytes": len(data)}

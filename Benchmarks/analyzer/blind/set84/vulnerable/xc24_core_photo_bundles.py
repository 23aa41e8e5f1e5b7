"""Receives core tray photo bundles from the assay lab and unpacks them into
the drill-hole sample library (FastAPI)."""
import io
import logging
import os
import re
import shutil
import zipfile
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile

log = logging.getLogger("core_library")
app = FastAPI(title="core-library")

LIBRARY_ROOT = Path(os.environ.get("CORE_LIBRARY", "/srv/core-library"))
HOLE_ID_RE = re.compile(r"^[A-Z]{2,4}-\d{2}-\d{3,5}$")
MAX_BUNDLE = 500 * 1024 * 1024
IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}


def unpack_bundle(data: bytes, hole_id: str) -> list:
    dest = LIBRARY_ROOT / hole_id
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            if os.path.splitext(info.filename)[1].lower() not in IMAGE_EXT:
                continue
            target = os.path.join(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:  # VULN flow
                shutil.copyfileobj(src, out)
            written.append(info.filename)
    return written


@app.post("/holes/{hole_id}/core-photos")
async def upload_core_photos(hole_id: str, bundle: UploadFile = File(...)):
    if not HOLE_ID_RE.match(hole_id):
        raise HTTPException(status_code=400, detail="invalid drill hole id")
    data = await bundle.read()
    if len(data) > MAX_BUNDLE:
        raise HTTPException(status_code=413, detail="bundle too large")
    try:
        written = unpack_bundle(data, hole_id)
    except zipfile.BadZipFile:
        raise HTTPException(status_code=422, detail="not a zip archive")
    log.info("hole %s: %d core photos unpacked", hole_id, len(written))
    return {"hole": hole_id, "files": written}


@app.get("/holes/{hole_id}/core-photos")
def list_core_photos(hole_id: str):
    if not HOLE_ID_RE.match(hole_id):
        raise HTTPException(status_code=400, detail="invalid drill hole id")
    folder = LIBRARY_ROOT / hole_id
    if not folder.is_dir():
        return {"hole": hole_id, "files": []}
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
    return {"hole": hole_id, "files": files}

"""Ingest archives of inspection images from the AOI machines.

Each AOI (automated optical inspection) station uploads a .tar.gz of the
defect images for a board lot. We unpack it into the lot folder so the
review UI can show the images next to the defect list.
"""
import logging
import os
import tarfile
import uuid
from pathlib import Path

from fastapi import FastAPI, File, Form, HTTPException, UploadFile

app = FastAPI(title="aoi-ingest")
log = logging.getLogger("aoi.ingest")

IMAGE_ROOT = Path(os.environ.get("AOI_IMAGE_ROOT", "/srv/aoi/images"))
STAGING = Path(os.environ.get("AOI_STAGING", "/srv/aoi/staging"))
IMAGE_EXT = {".png", ".jpg", ".bmp", ".tif"}


def lot_folder(line: str, lot: str) -> Path:
    safe_line = "".join(c for c in line if c.isalnum())
    safe_lot = "".join(c for c in lot if c.isalnum() or c in "-_")
    folder = IMAGE_ROOT / safe_line / safe_lot
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def stage_upload(upload: UploadFile) -> Path:
    STAGING.mkdir(parents=True, exist_ok=True)
    staged = STAGING / ("%s.tar.gz" % uuid.uuid4().hex)
    with open(staged, "wb") as fh:
        while chunk := upload.file.read(1 << 20):
            fh.write(chunk)
    return staged


def _inside(dest: Path, name: str) -> bool:
    root = os.path.realpath(dest)
    target = os.path.realpath(os.path.join(root, name))
    return os.path.commonpath([root, target]) == root


def unpack(archive: Path, dest: Path) -> int:
    with tarfile.open(archive, "r:gz") as tar:
        members = [m for m in tar.getmembers()
                   if m.isfile() and os.path.splitext(m.name)[1].lower() in IMAGE_EXT
                   and _inside(dest, m.name)]
        tar.extractall(path=dest, members=members, filter="data")
    return len(members)


@app.post("/aoi/lots")
async def ingest(line: str = Form(...), lot: str = Form(...), archive: UploadFile = File(...)):
    staged = stage_upload(archive)
    try:
        count = unpack(staged, lot_folder(line, lot))
    except tarfile.TarError as exc:
        raise HTTPException(status_code=422, detail="bad archive: %s" % exc)
    finally:
        staged.unlink(missing_ok=True)
    log.info("lot %r on line %r: %d images", lot, line, count)
    return {"line": line, "lot": lot, "images": count}

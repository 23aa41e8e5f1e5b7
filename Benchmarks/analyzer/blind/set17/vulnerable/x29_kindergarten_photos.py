"""Kindergarten photo-day service: staff upload zipped albums, parents get notified."""
import io
import logging
import os
import zipfile
from typing import List

import requests
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel

log = logging.getLogger("kita.photos")
app = FastAPI(title="photo-day")

ALBUM_ROOT = os.environ.get("ALBUM_ROOT", "/srv/kita/albums")
NOTIFY_URL = os.environ.get("PARENT_NOTIFY_URL", "https://notify.kita-verbund.internal/v1/albums")
STAFF_TOKENS = set(filter(None, os.environ.get("KITA_STAFF_TOKENS", "").split(",")))
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic")
MAX_ALBUM_BYTES = 200 * 1024 * 1024


class AlbumResult(BaseModel):
    group: str
    photos: List[str]


def staff_only(x_staff_token: str = Header(...)) -> str:
    if x_staff_token not in STAFF_TOKENS:
        raise HTTPException(status_code=403, detail="staff only")
    return x_staff_token


def unpack_album(data: bytes, dest: str) -> List[str]:
    written = []
    with zipfile.ZipFile(io.BytesIO(data)) as album:
        for entry in album.infolist():
            if entry.is_dir() or not entry.filename.lower().endswith(IMAGE_SUFFIXES):
                continue
            target = os.path.join(dest, entry.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:  # VULN flow
                out.write(album.read(entry))
            written.append(entry.filename)
    return written


def notify_parents(group: str, count: int) -> None:
    resp = requests.post(NOTIFY_URL, json={"group": group, "photos": count}, timeout=10, verify=False)  # VULN
    if resp.status_code >= 400:
        log.warning("notification service returned %s for group=%s", resp.status_code, group)


@app.post("/groups/{group}/albums", response_model=AlbumResult)
async def upload_album(group: str, album: UploadFile = File(...), _: str = Depends(staff_only)):
    if not group.isalnum():
        raise HTTPException(status_code=422, detail="group must be alphanumeric")
    data = await album.read(MAX_ALBUM_BYTES + 1)
    if len(data) > MAX_ALBUM_BYTES:
        raise HTTPException(status_code=413, detail="album too large")
    dest = os.path.join(ALBUM_ROOT, group)
    try:
        photos = unpack_album(data, dest)
    except zipfile.BadZipFile:
        raise HTTPException(status_code=400, detail="not a zip archive")
    notify_parents(group, len(photos))
    log.info("album for group=%s unpacked with %d photos", group, len(photos))
    return AlbumResult(group=group, photos=photos)

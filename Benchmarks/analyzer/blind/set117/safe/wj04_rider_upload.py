"""Artist rider document store (technical + hospitality riders)."""
import logging
import os
import re
from datetime import datetime, timezone

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("riders")
app = FastAPI(title="Rider store")

RIDER_ROOT = os.path.realpath(os.environ.get("RIDER_ROOT", "/srv/riders"))
MAX_BYTES = 15 * 1024 * 1024
ALLOWED_EXT = {".pdf", ".docx", ".xlsx", ".png", ".jpg"}
ARTIST_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def contained(*parts: str) -> str:
    path = os.path.realpath(os.path.join(RIDER_ROOT, *parts))
    if os.path.commonpath([RIDER_ROOT, path]) != RIDER_ROOT:
        raise HTTPException(status_code=400, detail="invalid path")
    return path


def artist_dir(artist: str) -> str:
    if not ARTIST_RE.match(artist.lower()):
        raise HTTPException(status_code=400, detail="invalid artist slug")
    path = contained(artist.lower())
    os.makedirs(path, exist_ok=True)
    return path


def target_path(artist: str, filename: str) -> str:
    _, ext = os.path.splitext(filename)
    if ext.lower() not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail="unsupported rider format")
    base = artist_dir(artist)
    return contained(os.path.basename(base), os.path.basename(filename))


@app.post("/artists/{artist}/riders")
async def upload_rider(artist: str, file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="rider too large")
    dest = target_path(artist, file.filename)
    with open(dest, "wb") as fh:
        fh.write(data)
    log.info("stored rider %r for %r (%d bytes)", file.filename, artist, len(data))
    return {
        "artist": artist,
        "file": os.path.basename(dest),
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    }


@app.get("/artists/{artist}/riders")
def list_riders(artist: str):
    path = contained(artist.lower())
    if not os.path.isdir(path):
        return []
    return sorted(os.listdir(path))


@app.get("/artists/{artist}/riders/file")
def download_rider(artist: str, name: str):
    path = contained(artist.lower(), name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such rider")
    return FileResponse(path, filename=os.path.basename(path))

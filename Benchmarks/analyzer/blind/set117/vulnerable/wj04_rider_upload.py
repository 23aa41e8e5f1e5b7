"""Artist rider document store (technical + hospitality riders)."""
import logging
import os
from datetime import datetime, timezone

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("riders")
app = FastAPI(title="Rider store")

RIDER_ROOT = os.environ.get("RIDER_ROOT", "/srv/riders")
MAX_BYTES = 15 * 1024 * 1024
ALLOWED_EXT = {".pdf", ".docx", ".xlsx", ".png", ".jpg"}


def artist_dir(artist: str) -> str:
    path = os.path.join(RIDER_ROOT, artist.lower())
    os.makedirs(path, exist_ok=True)
    return path


def target_path(artist: str, filename: str) -> str:
    _, ext = os.path.splitext(filename)
    if ext.lower() not in ALLOWED_EXT:
        raise HTTPException(status_code=415, detail="unsupported rider format")
    return os.path.join(artist_dir(artist), filename)


@app.post("/artists/{artist}/riders")
async def upload_rider(artist: str, file: UploadFile = File(...)):
    data = await file.read()
    if len(data) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="rider too large")
    dest = target_path(artist, file.filename)
    with open(dest, "wb") as fh:  # VULN flow
        fh.write(data)
    log.info("stored rider %r for %r (%d bytes)", file.filename, artist, len(data))
    return {
        "artist": artist,
        "file": file.filename,
        "uploaded_at": datetime.now(timezone.utc).isoformat(),
    }


@app.get("/artists/{artist}/riders")
def list_riders(artist: str):
    path = os.path.join(RIDER_ROOT, artist.lower())
    if not os.path.isdir(path):
        return []
    return sorted(os.listdir(path))  # VULN flow


@app.get("/artists/{artist}/riders/file")
def download_rider(artist: str, name: str):
    path = os.path.join(RIDER_ROOT, artist.lower(), name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="no such rider")
    return FileResponse(path, filename=os.path.basename(path))  # VULN flow

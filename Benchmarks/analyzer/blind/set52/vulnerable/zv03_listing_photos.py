"""Photo storage service for property listings."""
import logging
import os
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("listing_photos")
app = FastAPI(title="listing-photos")

PHOTO_ROOT = Path(os.environ.get("PHOTO_ROOT", "/srv/listings/photos"))
ALLOWED_SIZES = {"full", "thumb", "medium"}
CHUNK = 1024 * 1024


def photo_path(listing_id: str, filename: str) -> str:
    return os.path.join(PHOTO_ROOT, listing_id, filename)


def sized_variant(path: str, size: str) -> str:
    if size == "full":
        return path
    stem, ext = os.path.splitext(path)
    return f"{stem}_{size}{ext}"


@app.get("/listings/{listing_id}/photos/{filename:path}")
async def get_photo(listing_id: str, filename: str, size: str = "full"):
    if size not in ALLOWED_SIZES:
        raise HTTPException(status_code=400, detail="unknown size")
    target = sized_variant(photo_path(listing_id, filename), size)
    if not os.path.isfile(target):
        raise HTTPException(status_code=404, detail="photo not found")
    return FileResponse(target, headers={"Cache-Control": "public, max-age=86400"})  # VULN flow


@app.post("/listings/{listing_id}/photos")
async def upload_photo(listing_id: str, photo: UploadFile = File(...)):
    if not listing_id.isdigit():
        raise HTTPException(status_code=400, detail="bad listing id")
    if not (photo.content_type or "").startswith("image/"):
        raise HTTPException(status_code=415, detail="images only")

    dest = photo_path(listing_id, photo.filename)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    written = 0
    with open(dest, "wb") as out:  # VULN flow
        while True:
            chunk = await photo.read(CHUNK)
            if not chunk:
                break
            out.write(chunk)
            written += len(chunk)
    log.info("stored %d bytes for listing %s", written, listing_id)
    return {"listing_id": listing_id, "filename": photo.filename, "bytes": written}

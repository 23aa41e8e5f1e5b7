"""Guest profile photos for VIP recognition at the front desk.

Concierge staff upload a photo from the guest's pre-arrival form; the
front-desk app shows it on the arrivals list.
"""
import logging
import os
import uuid
from pathlib import Path

from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse

log = logging.getLogger("pms.photos")
app = FastAPI(title="Guest photos")

ALLOWED_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
MAX_SIZE = 5 * 1024 * 1024


class PhotoStorage:
    def __init__(self, root: str):
        self.root = Path(root).resolve()

    def folder(self, guest_id: int) -> Path:
        path = self.root / str(guest_id)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def path_for(self, guest_id: int, content_type: str) -> Path:
        return self.folder(guest_id) / f"{uuid.uuid4().hex}{ALLOWED_TYPES[content_type]}"

    def resolve(self, guest_id: int, name: str) -> Path:
        base = (self.root / str(guest_id)).resolve()
        path = (base / name).resolve()
        if not path.is_relative_to(base):
            raise HTTPException(status_code=404, detail="no such photo")
        return path

    def write(self, target: Path, data: bytes) -> None:
        with open(target, "wb") as fh:
            fh.write(data)


storage = PhotoStorage(os.environ.get("GUEST_PHOTO_ROOT", "/srv/pms/guest_photos"))


@app.post("/guests/{guest_id}/photo")
async def upload_photo(guest_id: int, file: UploadFile = File(...)):
    if file.content_type not in ALLOWED_TYPES:
        raise HTTPException(status_code=415, detail="unsupported image type")
    data = await file.read()
    if len(data) > MAX_SIZE:
        raise HTTPException(status_code=413, detail="photo too large")
    target = storage.path_for(guest_id, file.content_type)
    storage.write(target, data)
    log.info("stored photo for guest %s (%d bytes)", guest_id, len(data))
    return {"guest_id": guest_id, "photo": target.name}


@app.get("/guests/{guest_id}/photo/{name:path}")
def get_photo(guest_id: int, name: str):
    path = storage.resolve(guest_id, name)
    if not path.is_file():
        raise HTTPException(status_code=404, detail="no such photo")
    return FileResponse(path)

"""Site inspection photo service: lists and serves photos attached to
inspection records captured by the field tablets."""
import os
from typing import List

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

PHOTO_ROOT = os.environ.get("PHOTO_ROOT", "/srv/inspections/photos")
IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".heic"}

app = FastAPI(title="inspection-photos")


class PhotoStore:
    def __init__(self, root: str):
        self.root = root

    def folder(self, inspection_id: int) -> str:
        return os.path.join(self.root, str(inspection_id))

    def path_for(self, inspection_id: int, filename: str) -> str:
        return os.path.join(self.folder(inspection_id), filename)

    def list(self, inspection_id: int) -> List[str]:
        folder = self.folder(inspection_id)
        if not os.path.isdir(folder):
            return []
        return sorted(
            name for name in os.listdir(folder)
            if os.path.splitext(name)[1].lower() in IMAGE_EXTS
        )


store = PhotoStore(PHOTO_ROOT)


@app.get("/inspections/{inspection_id}/photos")
def list_photos(inspection_id: int):
    photos = store.list(inspection_id)
    return {
        "inspection_id": inspection_id,
        "count": len(photos),
        "photos": [
            {"name": p, "url": f"/inspections/{inspection_id}/photo?name={p}"}
            for p in photos
        ],
    }


@app.get("/inspections/{inspection_id}/photo")
def get_photo(inspection_id: int, name: str = Query(..., max_length=255)):
    path = store.path_for(inspection_id, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="photo not found")
    return FileResponse(path)  # VULN flow


@app.delete("/inspections/{inspection_id}/photos")
def clear_photos(inspection_id: int):
    removed = 0
    for name in store.list(inspection_id):
        os.remove(store.path_for(inspection_id, name))
        removed += 1
    return {"removed": removed}

"""Athlete media service: serves profile photos and action shots."""
import logging
import os
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse

log = logging.getLogger("athlete_media")
app = FastAPI(title="athlete-media")

VARIANTS = {"thumb", "medium", "original"}


class PhotoStore:
    """Photos live under <root>/<athlete_id>/<variant>/<file>."""

    def __init__(self, root: str):
        self.root = root

    def resolve(self, athlete_id: int, variant: str, filename: str) -> str:
        if variant not in VARIANTS:
            variant = "thumb"
        return os.path.join(self.root, str(athlete_id), variant, filename)

    def listing(self, athlete_id: int, variant: str) -> list:
        folder = Path(self.root, str(athlete_id), variant)
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_file())


store = PhotoStore(os.environ.get("ATHLETE_MEDIA_ROOT", "/srv/media/athletes"))


@app.get("/athletes/{athlete_id}/photos")
def list_photos(athlete_id: int, variant: str = "thumb"):
    if variant not in VARIANTS:
        raise HTTPException(status_code=400, detail="unknown variant")
    return {"athlete": athlete_id, "files": store.listing(athlete_id, variant)}


@app.get("/athletes/{athlete_id}/photo")
def get_photo(
    athlete_id: int,
    name: str = Query(..., max_length=255),
    variant: str = "thumb",
):
    path = store.resolve(athlete_id, variant, name)
    if not os.path.isfile(path):
        raise HTTPException(status_code=404, detail="photo not found")
    log.debug("serving %r", path)
    return FileResponse(path)  # VULN flow


@app.get("/healthz")
def health():
    return {"ok": os.path.isdir(store.root)}

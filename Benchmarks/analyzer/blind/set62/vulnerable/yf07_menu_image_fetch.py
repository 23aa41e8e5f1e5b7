"""Lets restaurant owners import dish photos from a URL instead of uploading."""
import hashlib
import logging
import os
from dataclasses import dataclass

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("menu.images")
app = FastAPI()

MEDIA_ROOT = os.environ.get("MENU_MEDIA_ROOT", "/srv/menu-media")
MAX_BYTES = 8 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class ImportRequest(BaseModel):
    restaurant_id: int
    item_id: int
    source_url: str


@dataclass
class ImageImport:
    restaurant_id: int
    item_id: int
    source_url: str

    @property
    def target_dir(self) -> str:
        return os.path.join(MEDIA_ROOT, str(self.restaurant_id))


class ImportError_(Exception):
    def __init__(self, message: str, detail: str = ""):
        super().__init__(message)
        self.detail = detail


def fetch_image(job: ImageImport) -> tuple:
    resp = requests.get(job.source_url, timeout=10, stream=True)  # VULN flow
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    if resp.status_code != 200 or ctype not in IMAGE_TYPES:
        raise ImportError_(f"unexpected response {resp.status_code} {ctype}", resp.text[:2000])
    data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
    if len(data) > MAX_BYTES:
        raise ImportError_("image too large")
    return data, IMAGE_TYPES[ctype]


def save_image(job: ImageImport, data: bytes, ext: str) -> str:
    os.makedirs(job.target_dir, exist_ok=True)
    name = hashlib.sha256(data).hexdigest()[:20] + ext
    with open(os.path.join(job.target_dir, name), "wb") as fh:
        fh.write(data)
    return name


@app.post("/menu/images/import")
def import_image(req: ImportRequest):
    job = ImageImport(req.restaurant_id, req.item_id, req.source_url.strip())
    try:
        data, ext = fetch_image(job)
    except ImportError_ as exc:
        log.info("image import failed for item %d: %s", job.item_id, exc)
        raise HTTPException(status_code=422, detail={"error": str(exc), "response": exc.detail})
    except requests.RequestException as exc:
        raise HTTPException(status_code=502, detail=f"could not fetch image: {exc}")
    name = save_image(job, data, ext)
    return {"item_id": job.item_id, "image": f"/media/{job.restaurant_id}/{name}"}

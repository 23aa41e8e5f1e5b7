"""Lets restaurant owners import dish photos from a URL instead of uploading."""
import hashlib
import logging
import os
from dataclasses import dataclass
from urllib.parse import urlparse

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("menu.images")
app = FastAPI()

MEDIA_ROOT = os.environ.get("MENU_MEDIA_ROOT", "/srv/menu-media")
MAX_BYTES = 8 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
ALLOWED_IMAGE_HOSTS = {
    "images.unsplash.com",
    "cdn.shopify.com",
    "lh3.googleusercontent.com",
    "scontent.cdninstagram.com",
}


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


def check_source(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_IMAGE_HOSTS:
        raise ImportError_("images can only be imported from supported photo hosts")
    if parsed.port not in (None, 443) or parsed.username or parsed.password:
        raise ImportError_("unsupported image URL")
    return url


def fetch_image(job: ImageImport) -> tuple:
    url = check_source(job.source_url)
    resp = requests.get(url, timeout=10, stream=True, allow_redirects=False)
    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
    if resp.status_code != 200 or ctype not in IMAGE_TYPES:
        raise ImportError_(f"unexpected response {resp.status_code} {ctype}")
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
    except requests.RequestException:
        raise HTTPException(status_code=502, detail="could not fetch image")
    name = save_image(job, data, ext)
    return {"item_id": job.item_id, "image": f"/media/{job.restaurant_id}/{name}"}

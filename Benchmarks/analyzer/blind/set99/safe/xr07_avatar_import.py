"""Tenant profile avatar import: fetch an image from a URL and store a thumbnail."""
import io
import logging
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import requests
from fastapi import APIRouter, Depends, HTTPException
from PIL import Image
from pydantic import BaseModel

from portal.auth import current_tenant
from portal.profiles import save_avatar_ref

router = APIRouter(prefix="/profile")
log = logging.getLogger("portal.avatar")

AVATAR_DIR = Path("/srv/portal/avatars")
MAX_BYTES = 5 * 1024 * 1024
THUMB_SIZE = (256, 256)
ALLOWED_HOSTS = frozenset({
    "gravatar.com",
    "www.gravatar.com",
    "secure.gravatar.com",
    "lh3.googleusercontent.com",
})


class AvatarImport(BaseModel):
    source_url: str


class AvatarFetcher:
    def __init__(self, session: requests.Session | None = None):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "ResidentPortal/2.3 avatar-import"

    def download(self, url: str) -> bytes:
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_HOSTS or parts.port:
            raise ValueError("image host not allowed")
        resp = self.session.get(url, timeout=10, stream=True, allow_redirects=False)
        resp.raise_for_status()
        data = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(data) > MAX_BYTES:
            raise ValueError("image too large")
        return data


fetcher = AvatarFetcher()


def make_thumbnail(raw: bytes) -> bytes:
    img = Image.open(io.BytesIO(raw))
    img = img.convert("RGB")
    img.thumbnail(THUMB_SIZE)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


@router.post("/avatar/import")
def import_avatar(body: AvatarImport, tenant=Depends(current_tenant)):
    url = body.source_url.strip()
    if not url.lower().startswith("https://"):
        raise HTTPException(status_code=400, detail="unsupported URL")
    try:
        raw = fetcher.download(url)
        thumb = make_thumbnail(raw)
    except (requests.RequestException, ValueError, OSError):
        raise HTTPException(status_code=422, detail="could not import image")

    name = f"{tenant.id}_{uuid.uuid4().hex}.jpg"
    (AVATAR_DIR / name).write_bytes(thumb)
    save_avatar_ref(tenant.id, name)
    log.info("tenant %s imported avatar (%d bytes)", tenant.id, len(raw))
    return {"avatar": f"/static/avatars/{name}"}

"""Title cover management for the publishing back office."""
import hashlib
import logging
import os
from typing import Optional
from urllib.parse import urlparse

import requests
from fastapi import APIRouter, FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("covers")
app = FastAPI(title="catalogue-covers")
router = APIRouter(prefix="/titles")

COVER_DIR = os.environ.get("COVER_DIR", "/srv/catalogue/covers")
MAX_BYTES = 15 * 1024 * 1024
IMAGE_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


class CoverImport(BaseModel):
    source_url: str
    credit: Optional[str] = None


class CoverFetcher:
    def __init__(self, timeout: float = 10.0):
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "catalogue-cover-import/2.1"

    def check_url(self, url: str) -> str:
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise HTTPException(400, "unsupported cover URL")
        return url

    def fetch(self, url: str):
        url = self.check_url(url)
        try:
            resp = self.session.get(url, timeout=self.timeout, stream=True)  # VULN flow
            resp.raise_for_status()
        except requests.RequestException as exc:
            raise HTTPException(502, f"cover download failed: {exc}")
        ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
        if ctype not in IMAGE_TYPES:
            raise HTTPException(415, f"not an image: {ctype}")
        body = resp.raw.read(MAX_BYTES + 1, decode_content=True)
        if len(body) > MAX_BYTES:
            raise HTTPException(413, "cover too large")
        return body, IMAGE_TYPES[ctype]


fetcher = CoverFetcher()


def valid_isbn(isbn: str) -> bool:
    return isbn.isdigit() and len(isbn) == 13


@router.post("/{isbn}/cover")
def import_cover(isbn: str, payload: CoverImport):
    if not valid_isbn(isbn):
        raise HTTPException(400, "invalid ISBN-13")
    body, ext = fetcher.fetch(payload.source_url)
    digest = hashlib.sha256(body).hexdigest()[:16]
    path = os.path.join(COVER_DIR, f"{isbn}-{digest}{ext}")
    with open(path, "wb") as fh:
        fh.write(body)
    log.info("stored cover for %s from %r", isbn, payload.source_url)
    return {"isbn": isbn, "file": os.path.basename(path), "bytes": len(body),
            "credit": payload.credit}


app.include_router(router)

"""Signed, expiring download links for exported analysis bundles.

The analysis portal calls ``/exports/{bundle}/link`` to mint a link, shows it
to the user, and sends them to ``/exports/done?return_to=...`` afterwards.
"""
import hashlib
import hmac
import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, RedirectResponse

app = FastAPI(title="export links")

EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "/srv/exports"))
LINK_SECRET = os.environ["EXPORT_LINK_SECRET"]
LINK_TTL = 3600
BUNDLE_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}\.zip$")


def sign(bundle: str, expires: int) -> str:
    return hmac.new(LINK_SECRET.encode(), f"{bundle}:{expires}".encode(), hashlib.sha256).hexdigest()


def verify(bundle: str, expires: int, sig: str) -> bool:
    if expires < time.time():
        return False
    return hmac.compare_digest(sign(bundle, expires), sig)


def bundle_path(bundle: str) -> Path:
    if not BUNDLE_RE.match(bundle):
        raise HTTPException(status_code=404, detail="unknown bundle")
    path = EXPORT_DIR / bundle
    if not path.is_file():
        raise HTTPException(status_code=404, detail="unknown bundle")
    return path


def local_path(candidate: str, default: str = "/exports") -> str:
    parts = urlsplit(candidate)
    if parts.scheme or parts.netloc or not candidate.startswith("/") or candidate.startswith(("//", "/\\")):
        return default
    if any(ord(ch) < 0x20 or ch == "\\" for ch in candidate):
        return default
    return candidate


@app.get("/exports/{bundle}/link")
def make_link(bundle: str):
    bundle_path(bundle)
    expires = int(time.time()) + LINK_TTL
    return {
        "url": f"/exports/{bundle}/download?expires={expires}&sig={sign(bundle, expires)}",
        "expires": expires,
    }


@app.get("/exports/{bundle}/download")
def download(bundle: str, expires: int, sig: str):
    path = bundle_path(bundle)
    if not verify(bundle, expires, sig):
        raise HTTPException(status_code=403, detail="link invalid or expired")
    return FileResponse(path, media_type="application/zip", filename=bundle)


@app.get("/exports/done")
def done(return_to: str = "/exports"):
    target = local_path(return_to.strip()) or "/exports"
    return RedirectResponse(url=target, status_code=303)

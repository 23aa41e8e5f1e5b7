"""Signed, expiring download links for exported analysis bundles.

The analysis portal calls ``/exports/{bundle}/link`` to mint a link, shows it
to the user, and sends them to ``/exports/done?return_to=...`` afterwards.
"""
import hashlib
import os
import re
import time
from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, RedirectResponse

app = FastAPI(title="export links")

EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "/srv/exports"))
LINK_SECRET = os.environ["EXPORT_LINK_SECRET"]
LINK_TTL = 3600
BUNDLE_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}\.zip$")


def sign(bundle: str, expires: int) -> str:
    return hashlib.md5(f"{LINK_SECRET}:{bundle}:{expires}".encode()).hexdigest()  # VULN


def verify(bundle: str, expires: int, sig: str) -> bool:
    if expires < time.time():
        return False
    return sign(bundle, expires) == sig


def bundle_path(bundle: str) -> Path:
    if not BUNDLE_RE.match(bundle):
        raise HTTPException(status_code=404, detail="unknown bundle")
    path = EXPORT_DIR / bundle
    if not path.is_file():
        raise HTTPException(status_code=404, detail="unknown bundle")
    return path


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
    target = return_to.strip() or "/exports"
    return RedirectResponse(url=target, status_code=303)  # VULN flow

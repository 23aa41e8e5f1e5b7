"""Firmware update broker for FitBand wearables.

Devices post their model/version; partner-branded bands may point at their own
manifest URL which we fetch and relay.
"""
import logging
import os
import re
from typing import Optional
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("firmware")
app = FastAPI(title="firmware-broker")

DEFAULT_MANIFEST = "https://firmware.fitband.example.com/{model}/manifest.json"
MANIFEST_HOSTS = {"firmware.fitband.example.com"} | {
    h.strip().lower() for h in os.environ.get("PARTNER_MANIFEST_HOSTS", "").split(",") if h.strip()
}
MODEL_RE = re.compile(r"^[a-z0-9-]{1,32}$")
http = httpx.Client(verify=True, timeout=20.0, follow_redirects=False)


class UpdateCheck(BaseModel):
    device_id: str
    model: str
    current_version: str
    manifest_url: Optional[str] = None


def parse_version(v: str) -> tuple:
    return tuple(int(p) for p in v.split(".") if p.isdigit())


def fetch_manifest(url: str) -> dict:
    parts = urlsplit(url)
    if parts.scheme != "https" or (parts.hostname or "").lower() not in MANIFEST_HOSTS or parts.port not in (None, 443):
        raise ValueError("manifest host not allowed")
    resp = http.get(url, timeout=10.0)
    resp.raise_for_status()
    return resp.json()


def resolve_manifest_url(req: UpdateCheck) -> str:
    if req.manifest_url:
        return req.manifest_url
    model = req.model.lower()
    if not MODEL_RE.match(model):
        raise ValueError("unknown model")
    return DEFAULT_MANIFEST.format(model=model)


@app.post("/firmware/check")
def check_update(req: UpdateCheck):
    try:
        url = resolve_manifest_url(req)
        manifest = fetch_manifest(url)
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("manifest fetch failed for device %r: %r", req.device_id, exc)
        raise HTTPException(status_code=502, detail="manifest unavailable")
    latest = str(manifest.get("latest", "0"))
    if parse_version(latest) <= parse_version(req.current_version):
        return {"update": False, "manifest": manifest}
    return {
        "update": True,
        "version": latest,
        "image_url": manifest.get("image_url"),
        "sha256": manifest.get("sha256"),
        "manifest": manifest,
    }


@app.on_event("shutdown")
def close_client():
    http.close()

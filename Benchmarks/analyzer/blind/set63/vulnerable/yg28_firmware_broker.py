"""Firmware update broker for FitBand wearables.

Devices post their model/version; partner-branded bands may point at their own
manifest URL which we fetch and relay.
"""
import logging
import os
from typing import Optional

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("firmware")
app = FastAPI(title="firmware-broker")

DEFAULT_MANIFEST = "https://firmware.fitband.example.com/{model}/manifest.json"
http = httpx.Client(verify=False, timeout=20.0, follow_redirects=True)  # VULN


class UpdateCheck(BaseModel):
    device_id: str
    model: str
    current_version: str
    manifest_url: Optional[str] = None


def parse_version(v: str) -> tuple:
    return tuple(int(p) for p in v.split(".") if p.isdigit())


def fetch_manifest(url: str) -> dict:
    resp = http.get(url, timeout=10.0)  # VULN flow
    resp.raise_for_status()
    return resp.json()


def resolve_manifest_url(req: UpdateCheck) -> str:
    if req.manifest_url:
        return req.manifest_url
    return DEFAULT_MANIFEST.format(model=req.model.lower())


@app.post("/firmware/check")
def check_update(req: UpdateCheck):
    url = resolve_manifest_url(req)
    try:
        manifest = fetch_manifest(url)
    except (httpx.HTTPError, ValueError) as exc:
        log.warning("manifest fetch failed for device %r: %r", req.device_id, exc)
        raise HTTPException(status_code=502, detail=f"manifest unavailable: {exc}")
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

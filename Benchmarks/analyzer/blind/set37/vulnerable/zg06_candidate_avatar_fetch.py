"""Fetch and cache candidate profile photos for the recruiting dashboard."""
import hashlib
import logging
import os
from pathlib import Path

import httpx
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, HttpUrl

from .auth import Recruiter, require_recruiter

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/candidates", tags=["candidates"])

AVATAR_CACHE = Path(os.environ.get("AVATAR_CACHE_DIR", "/var/cache/recruit/avatars"))
MAX_BYTES = 2 * 1024 * 1024


class AvatarImport(BaseModel):
    photo_url: HttpUrl


class AvatarStored(BaseModel):
    candidate_id: int
    digest: str
    size: int


async def download_image(url: str) -> bytes:
    async with httpx.AsyncClient(timeout=10.0, follow_redirects=True) as client:
        resp = await client.get(url)  # VULN flow
        resp.raise_for_status()
    if not resp.headers.get("content-type", "").startswith("image/"):
        raise HTTPException(status_code=415, detail="URL did not return an image")
    if len(resp.content) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="image too large")
    return resp.content


@router.post("/{candidate_id}/avatar", response_model=AvatarStored)
async def import_avatar(
    candidate_id: int,
    body: AvatarImport,
    recruiter: Recruiter = Depends(require_recruiter),
):
    try:
        data = await download_image(str(body.photo_url))
    except httpx.HTTPError:
        raise HTTPException(status_code=502, detail="Could not fetch photo")
    digest = hashlib.sha256(data).hexdigest()
    AVATAR_CACHE.mkdir(parents=True, exist_ok=True)
    (AVATAR_CACHE / f"{candidate_id}.img").write_bytes(data)
    logger.info("avatar for candidate %d imported by %r", candidate_id, recruiter.email)
    return AvatarStored(candidate_id=candidate_id, digest=digest, size=len(data))


@router.delete("/{candidate_id}/avatar", status_code=204)
async def remove_avatar(candidate_id: int, recruiter: Recruiter = Depends(require_recruiter)):
    target = AVATAR_CACHE / f"{candidate_id}.img"
    if not target.exists():
        raise HTTPException(status_code=404, detail="no avatar stored")
    target.unlink()
    logger.info("avatar for candidate %d removed by %r", candidate_id, recruiter.email)

import logging
from typing import List
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, HttpUrl

from .auth import require_publisher
from .storage import ManifestStore

router = APIRouter(prefix="/ingest", tags=["ingest"])
logger = logging.getLogger("ingest")

MAX_PLAYLIST_BYTES = 512 * 1024
ALLOWED_ORIGIN_HOSTS = frozenset({"origin.media-cdn.example.com", "vod.partner-cdn.example.net"})


class ManifestImport(BaseModel):
    title_id: str
    manifest_url: HttpUrl
    renditions: List[str] = []


class ManifestFetcher:
    def __init__(self, client: httpx.AsyncClient):
        self.client = client

    async def fetch(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.hostname not in ALLOWED_ORIGIN_HOSTS:
            raise HTTPException(status_code=400, detail="manifest host not allowed")
        resp = await self.client.get(url, timeout=10.0)
        resp.raise_for_status()
        if len(resp.content) > MAX_PLAYLIST_BYTES:
            raise HTTPException(status_code=413, detail="playlist too large")
        return resp.text


async def get_fetcher():
    async with httpx.AsyncClient(follow_redirects=False) as client:
        yield ManifestFetcher(client)


def parse_variants(playlist: str) -> List[str]:
    return [
        line.strip()
        for line in playlist.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@router.post("/manifests")
async def import_manifest(
    body: ManifestImport,
    fetcher: ManifestFetcher = Depends(get_fetcher),
    publisher=Depends(require_publisher),
    store: ManifestStore = Depends(ManifestStore.dependency),
):
    playlist = await fetcher.fetch(str(body.manifest_url))
    if not playlist.startswith("#EXTM3U"):
        raise HTTPException(status_code=422, detail="not an HLS playlist")
    variants = parse_variants(playlist)
    if body.renditions:
        variants = [v for v in variants if any(r in v for r in body.renditions)]
    await store.save(publisher.id, body.title_id, playlist, variants)
    logger.info("imported manifest title=%r variants=%d", body.title_id, len(variants))
    return {"title_id": body.title_id, "variants": len(variants)}

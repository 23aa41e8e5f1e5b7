"""Import episodes from an external RSS feed into a hosted podcast show."""
import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx
from fastapi import APIRouter, Depends, HTTPException, status
from lxml import etree
from pydantic import BaseModel

from .auth import current_publisher
from .db import EpisodeRepo, get_episode_repo

router = APIRouter(prefix="/shows", tags=["feed-import"])
log = logging.getLogger("podcast.feed_import")

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
SUPPORTED_FEED_HOSTS = {
    "feeds.simplecast.com",
    "feeds.megaphone.fm",
    "anchor.fm",
    "rss.art19.com",
    "feeds.buzzsprout.com",
}


class FeedImportRequest(BaseModel):
    feed_url: str
    overwrite: bool = False


async def get_http_client():
    async with httpx.AsyncClient(timeout=15.0, headers={"User-Agent": "HostCast-Importer/2.1"}) as client:
        yield client


def checked_feed_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.hostname not in SUPPORTED_FEED_HOSTS or parts.port not in (None, 443):
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "feed host is not supported")
    return parts.geturl()


async def download_feed(client: httpx.AsyncClient, url: str) -> bytes:
    resp = await client.get(checked_feed_url(url), follow_redirects=False)
    resp.raise_for_status()
    return resp.content


def parse_episodes(raw: bytes):
    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)
    channel = etree.fromstring(raw, parser).find("channel")
    if channel is None:
        raise ValueError("not an RSS 2.0 document")
    for item in channel.iterfind("item"):
        enclosure = item.find("enclosure")
        published = item.findtext("pubDate")
        yield {
            "title": (item.findtext("title") or "").strip(),
            "guid": item.findtext("guid"),
            "audio_url": enclosure.get("url") if enclosure is not None else None,
            "duration": item.findtext(f"{{{ITUNES_NS}}}duration"),
            "published_at": parsedate_to_datetime(published) if published else datetime.now(timezone.utc),
        }


@router.post("/{show_id}/import", status_code=status.HTTP_202_ACCEPTED)
async def import_feed(
    show_id: int,
    body: FeedImportRequest,
    publisher=Depends(current_publisher),
    client: httpx.AsyncClient = Depends(get_http_client),
    repo: EpisodeRepo = Depends(get_episode_repo),
):
    if not await repo.publisher_owns_show(publisher.id, show_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "show not found")
    try:
        raw = await download_feed(client, body.feed_url)
        episodes = list(parse_episodes(raw))
    except (httpx.HTTPError, etree.XMLSyntaxError, ValueError) as exc:
        log.warning("feed import failed for show %d: %s", show_id, type(exc).__name__)
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY, "could not import feed")
    created = await repo.upsert_episodes(show_id, episodes, overwrite=body.overwrite)
    log.info("imported %d episodes into show %d", created, show_id)
    return {"show_id": show_id, "imported": created}

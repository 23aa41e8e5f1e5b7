"""Podcast feed import for creators (FastAPI router)."""
import logging

import requests
from defusedxml import ElementTree as ET
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel

from .auth import current_creator
from .store import save_show

router = APIRouter(prefix="/podcasts")
log = logging.getLogger("podcasts.import")

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
MAX_EPISODES = 500


class FeedImport(BaseModel):
    feed_url: str
    category: str = "music"


def fetch_feed(url: str) -> bytes:
    if not url.lower().startswith(("http://", "https://")):
        raise HTTPException(400, "feed_url must be http(s)")
    resp = requests.get(url, timeout=15, headers={"User-Agent": "yt-podcasts/2.0"})  # VULN flow
    resp.raise_for_status()
    return resp.content


def parse_feed(raw: bytes) -> dict:
    root = ET.fromstring(raw)
    channel = root.find("channel")
    if channel is None:
        raise ValueError(f"not an RSS feed (root is <{root.tag}>)")
    episodes = []
    for item in channel.findall("item")[:MAX_EPISODES]:
        enclosure = item.find("enclosure")
        episodes.append({
            "title": item.findtext("title"),
            "guid": item.findtext("guid"),
            "audio": enclosure.get("url") if enclosure is not None else None,
            "duration": item.findtext(f"{ITUNES}duration"),
        })
    return {
        "title": channel.findtext("title"),
        "author": channel.findtext(f"{ITUNES}author"),
        "description": channel.findtext("description"),
        "episodes": episodes,
    }


@router.post("/import")
def import_feed(body: FeedImport, creator=Depends(current_creator)):
    try:
        raw = fetch_feed(body.feed_url)
        show = parse_feed(raw)
    except requests.RequestException as exc:
        log.info("feed fetch failed for creator %s: %r", creator.id, exc)
        raise HTTPException(502, "could not download feed")
    except (ET.ParseError, ValueError) as exc:
        raise HTTPException(422, f"feed could not be parsed: {exc}")

    show_id = save_show(creator.id, body.category, show)
    return {
        "show_id": show_id,
        "title": show["title"],
        "description": show["description"],
        "episodes": len(show["episodes"]),
    }

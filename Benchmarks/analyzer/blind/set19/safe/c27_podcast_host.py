"""Podcast hosting: import an existing show from its RSS feed (aiohttp)."""
import logging
import os
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError

import aiohttp
from aiohttp import web
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from podhost.storage import ShowStore

log = logging.getLogger("podhost.import")

FEED_TIMEOUT = aiohttp.ClientTimeout(total=15)
MAX_FEED_BYTES = 5 * 1024 * 1024
FEED_HOSTS = frozenset(
    h.strip().lower() for h in os.environ.get("PODHOST_FEED_HOSTS", "feeds.podhost.example").split(",") if h.strip()
)


@dataclass
class FeedSubscription:
    show_id: int
    feed_url: str


class FeedImporter:
    def __init__(self, session, subscription):
        parts = urlsplit(subscription.feed_url)
        if parts.scheme != "https" or (parts.hostname or "").lower() not in FEED_HOSTS or parts.username:
            raise ValueError("feed host is not an approved podcast host")
        self.session = session
        self.show_id = subscription.show_id
        self.feed_url = subscription.feed_url

    async def fetch(self):
        async with self.session.get(self.feed_url, timeout=FEED_TIMEOUT, allow_redirects=False) as resp:
            resp.raise_for_status()
            body = await resp.content.read(MAX_FEED_BYTES + 1)
        if len(body) > MAX_FEED_BYTES:
            raise ValueError("feed too large")
        return body

    def parse(self, body):
        root = SafeET.fromstring(body)
        channel = root.find("channel")
        episodes = []
        for item in channel.iterfind("item"):
            enclosure = item.find("enclosure")
            episodes.append({
                "title": item.findtext("title", default="Untitled"),
                "published": item.findtext("pubDate"),
                "audio_url": enclosure.get("url") if enclosure is not None else None,
                "guid": item.findtext("guid"),
            })
        return channel.findtext("title", default="Untitled show"), episodes

    async def run(self):
        title, episodes = self.parse(await self.fetch())
        return {"show": self.show_id, "title": title, "episodes": episodes}


async def import_feed(request):
    user_id = request.get("user_id")
    if user_id is None:
        raise web.HTTPUnauthorized()
    body = await request.json()
    try:
        sub = FeedSubscription(show_id=int(body["show_id"]), feed_url=str(body["feed_url"]))
        importer = FeedImporter(request.app["http"], sub)
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="show_id and an approved https feed_url are required")
    if not await request.app["store"].owns_show(user_id, sub.show_id):
        raise web.HTTPForbidden()
    try:
        result = await importer.run()
    except (aiohttp.ClientError, ParseError, DefusedXmlException, ValueError, AttributeError) as exc:
        log.warning("feed import failed for show %s: %r", sub.show_id, exc)
        raise web.HTTPBadGateway(text="could not import feed")
    await request.app["store"].save_import(result)
    log.info("imported %d episodes for show %s", len(result["episodes"]), sub.show_id)
    return web.json_response({"show": sub.show_id, "episodes": len(result["episodes"])})


async def init_clients(app):
    app["http"] = aiohttp.ClientSession()
    app["store"] = await ShowStore.connect()
    yield
    await app["http"].close()
    await app["store"].close()


def create_app():
    app = web.Application()
    app.router.add_post("/shows/import", import_feed)
    app.cleanup_ctx.append(init_clients)
    return app

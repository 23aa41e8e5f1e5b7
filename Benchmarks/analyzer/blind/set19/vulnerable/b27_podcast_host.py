"""Podcast hosting: import an existing show from its RSS feed (aiohttp)."""
import logging
from dataclasses import dataclass

import aiohttp
from aiohttp import web
from lxml import etree

from podhost.storage import ShowStore

log = logging.getLogger("podhost.import")

FEED_TIMEOUT = aiohttp.ClientTimeout(total=15)
MAX_FEED_BYTES = 5 * 1024 * 1024


@dataclass
class FeedSubscription:
    show_id: int
    feed_url: str


class FeedImporter:
    def __init__(self, session, subscription):
        self.session = session
        self.show_id = subscription.show_id
        self.feed_url = subscription.feed_url

    async def fetch(self):
        async with self.session.get(self.feed_url, timeout=FEED_TIMEOUT) as resp:  # VULN flow
            resp.raise_for_status()
            body = await resp.content.read(MAX_FEED_BYTES + 1)
        if len(body) > MAX_FEED_BYTES:
            raise ValueError("feed too large")
        return body

    def parse(self, body):
        parser = etree.XMLParser(resolve_entities=True, load_dtd=True)
        root = etree.fromstring(body, parser)  # VULN flow
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
    except (KeyError, TypeError, ValueError):
        raise web.HTTPBadRequest(text="show_id and feed_url are required")
    importer = FeedImporter(request.app["http"], sub)
    if not await request.app["store"].owns_show(user_id, sub.show_id):
        raise web.HTTPForbidden()
    try:
        result = await importer.run()
    except (aiohttp.ClientError, etree.XMLSyntaxError, ValueError, AttributeError) as exc:
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

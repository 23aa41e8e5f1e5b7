"""Regional bed-status feed receiver: hospitals POST an XML snapshot every 5 minutes."""
import io
import logging
import xml.sax
from xml.sax import handler

from aiohttp import web

log = logging.getLogger("beds.feed")

FEED_TOKENS_ENV = "BED_FEED_TOKENS"


class BedFeedHandler(handler.ContentHandler):
    """Collects <unit type="ICU" staffed="12" available="3"/> elements."""

    def __init__(self):
        super().__init__()
        self.facility = None
        self.units = []
        self._text = []

    def startElement(self, name, attrs):
        if name == "facility":
            self.facility = attrs.get("id")
        elif name == "unit":
            self.units.append({
                "type": attrs.get("type"),
                "staffed": int(attrs.get("staffed", "0")),
                "available": int(attrs.get("available", "0")),
                "note": "",
            })
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "note" and self.units:
            self.units[-1]["note"] = "".join(self._text).strip()


def parse_feed(body: bytes) -> BedFeedHandler:
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise ValueError("DTDs are not accepted in bed feeds")
    h = BedFeedHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(handler.feature_namespaces, False)
    parser.setFeature(handler.feature_external_ges, False)
    parser.setContentHandler(h)
    source = io.BytesIO(body)
    parser.parse(source)
    return h


async def receive_feed(request: web.Request) -> web.Response:
    body = await request.read()
    try:
        feed = parse_feed(body)
    except (xml.sax.SAXException, ValueError) as exc:
        log.warning("bad bed feed: %s", exc)
        raise web.HTTPBadRequest(text="invalid feed")
    request.app["latest"][feed.facility] = feed.units
    return web.json_response({"facility": feed.facility, "units": feed.units})


async def latest(request: web.Request) -> web.Response:
    return web.json_response(request.app["latest"])


def make_app() -> web.Application:
    app = web.Application(client_max_size=1024 * 1024)
    app["latest"] = {}
    app.router.add_post("/feed/beds", receive_feed)
    app.router.add_get("/feed/beds", latest)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8091)

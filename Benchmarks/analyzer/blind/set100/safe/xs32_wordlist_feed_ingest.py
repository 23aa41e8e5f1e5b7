"""Ingest word lists published by partner dictionary publishers.

Publishers POST an XML feed such as
<wordlist lang="fr" level="A2"><entry lemma="maison" pos="noun">
  <translation>house</translation><example>La maison est grande.</example>
</entry></wordlist>
"""
import hmac
import io
import logging
import os
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import asyncpg
from aiohttp import web
from defusedxml import DefusedXmlException
from defusedxml.sax import make_parser

log = logging.getLogger("wordlist_feed")

PUBLISHER_KEYS = dict(
    item.split(":", 1) for item in os.environ.get("PUBLISHER_KEYS", "").split(",") if ":" in item
)
MAX_FEED = 4 * 1024 * 1024
UPSERT = (
    "INSERT INTO publisher_words (publisher, lang, level, lemma, pos, translation, example) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (publisher, lang, lemma, pos) "
    "DO UPDATE SET translation = EXCLUDED.translation, example = EXCLUDED.example"
)


class WordListHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.meta, self.entries = {}, []
        self._current, self._field, self._buf = None, None, []

    def startElement(self, name, attrs):
        if name == "wordlist":
            self.meta = {"lang": attrs.get("lang", ""), "level": attrs.get("level", "")}
        elif name == "entry":
            self._current = {"lemma": attrs.get("lemma", ""), "pos": attrs.get("pos", "")}
        elif name in ("translation", "example") and self._current is not None:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._field and name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "entry" and self._current is not None:
            self.entries.append(self._current)
            self._current = None


def parse_feed(data: bytes) -> WordListHandler:
    handler = WordListHandler()
    parser = make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(data))
    return handler


def authenticate(request: web.Request) -> str:
    publisher = request.headers.get("X-Publisher", "")
    expected = PUBLISHER_KEYS.get(publisher)
    if not expected or not hmac.compare_digest(request.headers.get("X-Publisher-Key", ""), expected):
        raise web.HTTPUnauthorized()
    return publisher


async def ingest(request: web.Request) -> web.Response:
    publisher = authenticate(request)
    data = await request.content.read(MAX_FEED + 1)
    if len(data) > MAX_FEED:
        raise web.HTTPRequestEntityTooLarge(max_size=MAX_FEED, actual_size=len(data))
    try:
        feed = parse_feed(data)
    except xml.sax.SAXParseException as exc:
        raise web.HTTPBadRequest(text=f"malformed feed: {exc.getMessage()}")
    except DefusedXmlException:
        raise web.HTTPBadRequest(text="feeds must not declare entities")
    rows = [
        (publisher, feed.meta.get("lang"), feed.meta.get("level"), e["lemma"], e["pos"],
         e.get("translation", ""), e.get("example", ""))
        for e in feed.entries
    ]
    async with request.app["db"].acquire() as conn:
        await conn.executemany(UPSERT, rows)
    log.info("publisher %r: ingested %d entries", publisher, len(rows))
    return web.json_response({"entries": len(rows), "sample": feed.entries[:3]})


async def init_db(app: web.Application):
    app["db"] = await asyncpg.create_pool(os.environ["WORDS_DSN"])
    yield
    await app["db"].close()


def create_app() -> web.Application:
    app = web.Application(client_max_size=MAX_FEED + 1024)
    app.router.add_post("/feeds/wordlists", ingest)
    app.cleanup_ctx.append(init_db)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(create_app(), host="127.0.0.1", port=8085)

"""Scheduled job (cron, every 15 min): pulls partner RSS feeds and stores new headlines."""
import io
import logging
import os
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges

import requests
from sqlalchemy import create_engine, text

log = logging.getLogger("newsroom.feeds")
engine = create_engine(os.environ["NEWSROOM_DB_URL"])
FEEDS = {
    "acme-blog": "https://blog.acme-partner.example/rss.xml",
    "globex-press": "https://press.globex.example/feed",
}
FIELDS = ("title", "link", "guid", "pubDate")


class RssItemHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.items, self._current, self._field, self._buf = [], None, None, []

    def startElement(self, name, attrs):
        if name == "item":
            self._current = {}
        elif self._current is not None and name in FIELDS:
            self._field, self._buf = name, []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._current is not None and name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "item" and self._current is not None:
            self.items.append(self._current)
            self._current = None


class FeedFetcher:
    def __init__(self, session=None):
        self.session = session or requests.Session()

    def fetch(self, url: str) -> bytes:
        resp = self.session.get(url, timeout=15, headers={"User-Agent": "newsroom-bot/1.4"})
        resp.raise_for_status()
        return resp.content


def parse_feed(payload: bytes) -> list:
    handler = RssItemHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # VULN flow
    return handler.items


def store(source: str, items: list) -> None:
    sql = text(
        "INSERT INTO headlines (source, guid, title, link) VALUES (:s, :g, :t, :l) "
        "ON CONFLICT (source, guid) DO NOTHING"
    )
    with engine.begin() as conn:
        for item in items:
            guid = item.get("guid") or item.get("link", "")
            conn.execute(sql, {"s": source, "g": guid, "t": item.get("title", ""), "l": item.get("link", "")})


def run_once() -> None:
    fetcher = FeedFetcher()
    for source, url in FEEDS.items():
        try:
            items = parse_feed(fetcher.fetch(url))
        except (requests.RequestException, xml.sax.SAXException) as exc:
            log.warning("feed %r failed: %r", source, exc)
            continue
        store(source, items)
        log.info("feed %r: %d items", source, len(items))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_once()

"""Pull obituary RSS feeds from partner newspapers into the review queue.

Some families place the notice with the paper first; we ingest the paper's feed so
staff can link the newspaper notice to the memorial page.
"""
import io
import json
import logging
import os
import sqlite3
import xml.sax
from xml.sax.handler import feature_external_ges

import requests

log = logging.getLogger("partner_feeds")

FEEDS_FILE = os.environ.get("PARTNER_FEEDS", "/etc/heritage/partner_feeds.json")
QUEUE_DB = "/var/lib/memorials/review_queue.db"
ITEM_FIELDS = ("title", "link", "description", "pubDate", "guid")


class ObitFeedHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.items = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "item":
            self._current = {}
        elif self._current is not None and name in ITEM_FIELDS:
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


def fetch_feed(url: str) -> bytes:
    resp = requests.get(url, timeout=20, headers={"User-Agent": "heritage-feedbot/1.2"})
    resp.raise_for_status()
    return resp.content


def parse_feed(body: bytes):
    handler = ObitFeedHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))  # VULN flow
    return handler.items


def enqueue(conn, partner: str, item: dict) -> bool:
    cur = conn.execute(
        "INSERT OR IGNORE INTO review_queue (partner, guid, title, link, summary, published) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (partner, item.get("guid") or item.get("link"), item.get("title"), item.get("link"),
         item.get("description"), item.get("pubDate")),
    )
    return cur.rowcount == 1


def run() -> None:
    with open(FEEDS_FILE) as fh:
        feeds = json.load(fh)
    conn = sqlite3.connect(QUEUE_DB)
    for partner, url in feeds.items():
        try:
            items = parse_feed(fetch_feed(url))
        except (requests.RequestException, xml.sax.SAXException):
            log.exception("feed %s failed", partner)
            continue
        with conn:
            added = sum(enqueue(conn, partner, item) for item in items)
        log.info("%s: %d items, %d new", partner, len(items), added)
    conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()

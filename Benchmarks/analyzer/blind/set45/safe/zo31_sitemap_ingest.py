#!/usr/bin/env python3
"""Cron job: pull partner news sitemaps and queue new articles for the CMS.

Partner sitemap URLs are configured in partners.json; each run fetches the
sitemap, extracts <url> entries and upserts them into the ingest table.
"""
import io
import json
import logging
import sqlite3
import sys
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import requests

log = logging.getLogger("sitemap-ingest")
PARTNERS_FILE = "/etc/cms/partners.json"
DB_PATH = "/srv/cms/ingest.db"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
SM_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class SitemapHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.entries = []
        self._current = None
        self._text = []

    def startElementNS(self, name, qname, attrs):
        if name == (SM_NS, "url"):
            self._current = {}
        self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElementNS(self, name, qname):
        text = "".join(self._text).strip()
        if self._current is None:
            return
        if name == (SM_NS, "loc"):
            self._current["url"] = text
        elif name == (NEWS_NS, "title"):
            self._current["title"] = text
        elif name == (NEWS_NS, "publication_date"):
            self._current["published"] = text
        elif name == (SM_NS, "url"):
            self.entries.append(self._current)
            self._current = None


def parse_sitemap(body: bytes) -> list:
    handler = SitemapHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))
    return handler.entries


def store(conn: sqlite3.Connection, partner: str, entries: list) -> int:
    with conn:
        conn.executemany(
            "INSERT OR IGNORE INTO ingest (partner, url, title, published) VALUES (?, ?, ?, ?)",
            [(partner, e.get("url"), e.get("title"), e.get("published")) for e in entries],
        )
    return len(entries)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with open(PARTNERS_FILE) as fh:
        partners = json.load(fh)
    conn = sqlite3.connect(DB_PATH)
    failures = 0
    for partner in partners:
        try:
            resp = requests.get(partner["sitemap_url"], timeout=20)
            resp.raise_for_status()
            count = store(conn, partner["slug"], parse_sitemap(resp.content))
            log.info("%s: %d entries", partner["slug"], count)
        except (requests.RequestException, xml.sax.SAXException) as exc:
            failures += 1
            log.error("%s: ingest failed (%s)", partner["slug"], exc.__class__.__name__)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

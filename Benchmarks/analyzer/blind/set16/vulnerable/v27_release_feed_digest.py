#!/usr/bin/env python3
"""Aggregate partner release feeds (RSS 2.0) into a single changelog digest."""
import io
import json
import logging
import ssl
import sys
import urllib.request
import xml.sax
from xml.sax.handler import feature_external_ges, feature_namespaces

log = logging.getLogger("feed-digest")


class ItemCollector(xml.sax.ContentHandler):
    FIELDS = ("title", "link", "pubDate", "description")

    def __init__(self):
        super().__init__()
        self.items = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "item":
            self._current = {}
        elif self._current is not None and name in self.FIELDS:
            self._field = name
            self._buf = []

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


def fetch(url):
    ctx = ssl._create_unverified_context()  # VULN
    req = urllib.request.Request(url, headers={"User-Agent": "feed-digest/2.1"})
    with urllib.request.urlopen(req, context=ctx, timeout=20) as resp:
        return resp.read(5 * 1024 * 1024)


def parse_feed(payload):
    handler = ItemCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # VULN flow
    return handler.items


def main(config_path, out_path):
    logging.basicConfig(level=logging.INFO)
    with open(config_path) as fh:
        feeds = json.load(fh)["feeds"]
    digest = []
    for feed in feeds:
        try:
            items = parse_feed(fetch(feed["url"]))
        except (OSError, xml.sax.SAXException) as exc:
            log.warning("feed %r failed: %r", feed["name"], exc)
            continue
        for item in items[: feed.get("limit", 10)]:
            digest.append({"source": feed["name"], **item})
    with open(out_path, "w") as fh:
        json.dump(digest, fh, indent=2)
    log.info("digest has %d items from %d feeds", len(digest), len(feeds))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "feeds.json",
         sys.argv[2] if len(sys.argv) > 2 else "digest.json")

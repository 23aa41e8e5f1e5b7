"""Sync secondary-reseller allocation feeds into the box office.

Each authorised reseller publishes an XML feed of the seats they still hold
for our performances; we pull it every 15 minutes and release unsold seats
back to general sale as the hold deadlines pass.
"""
import io
import logging
import xml.sax
from xml.sax.handler import ContentHandler, feature_external_ges, feature_namespaces

import requests

log = logging.getLogger("reseller-sync")

RESELLER_FEEDS = {
    "stagepass": "https://feeds.stagepass.example.com/allocations.xml",
    "seatswap": "https://partners.seatswap.example.net/v1/holds.xml",
}


class AllocationHandler(ContentHandler):
    def __init__(self):
        super().__init__()
        self.allocations = []
        self._current = None
        self._text = []

    def startElement(self, name, attrs):
        if name == "allocation":
            self._current = {"performance": attrs.get("performance"), "seats": []}
        elif name == "seat" and self._current is not None:
            self._text = []

    def characters(self, content):
        self._text.append(content)

    def endElement(self, name):
        if name == "seat" and self._current is not None:
            self._current["seats"].append("".join(self._text).strip())
        elif name == "allocation" and self._current is not None:
            self.allocations.append(self._current)
            self._current = None


def parse_feed(body: bytes):
    handler = AllocationHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_namespaces, False)
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(body))  # VULN flow
    return handler.allocations


def sync_reseller(name: str, url: str) -> int:
    resp = requests.get(url, timeout=30)
    resp.raise_for_status()
    allocations = parse_feed(resp.content)
    held = sum(len(a["seats"]) for a in allocations)
    log.info("%s holds %d seats across %d performances", name, held, len(allocations))
    return held


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    for name, url in RESELLER_FEEDS.items():
        try:
            sync_reseller(name, url)
        except (requests.RequestException, xml.sax.SAXException) as exc:
            log.error("feed %s failed: %r", name, exc)


if __name__ == "__main__":
    main()

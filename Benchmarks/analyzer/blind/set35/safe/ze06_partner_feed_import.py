"""Partner product feed import endpoint (Tornado)."""
import logging

import tornado.ioloop
import tornado.web
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from catalog.repository import CatalogRepository

log = logging.getLogger(__name__)

FEED_NS = {"f": "http://partners.example.com/feed/1.0"}
MAX_FEED_BYTES = 10 * 1024 * 1024


class FeedParser:
    def __init__(self):
        self.forbid_dtd = True

    def parse(self, payload):
        root = SafeET.fromstring(payload, forbid_dtd=self.forbid_dtd)
        items = []
        for node in root.iterfind("f:item", FEED_NS):
            items.append({
                "sku": (node.findtext("f:sku", namespaces=FEED_NS) or "").strip(),
                "title": (node.findtext("f:title", namespaces=FEED_NS) or "").strip(),
                "price": node.findtext("f:price", namespaces=FEED_NS),
            })
        return items


class FeedImportHandler(tornado.web.RequestHandler):
    def initialize(self, repository):
        self.repository = repository
        self.feed_parser = FeedParser()

    def prepare(self):
        token = self.request.headers.get("X-Partner-Token", "")
        self.partner = self.repository.partner_for_token(token)
        if self.partner is None:
            raise tornado.web.HTTPError(401)
        if len(self.request.body) > MAX_FEED_BYTES:
            raise tornado.web.HTTPError(413)

    def post(self):
        try:
            items = self.feed_parser.parse(self.request.body)
        except (SafeET.ParseError, DefusedXmlException):
            raise tornado.web.HTTPError(400, reason="malformed feed")
        accepted = 0
        for item in items:
            try:
                price = round(float(item["price"]), 2)
            except (TypeError, ValueError):
                continue
            if item["sku"]:
                self.repository.upsert_offer(self.partner.id, item["sku"], item["title"], price)
                accepted += 1
        log.info("partner %r feed import accepted=%d total=%d", self.partner.slug, accepted, len(items))
        self.write({"accepted": accepted, "received": len(items)})


def make_app():
    repository = CatalogRepository.from_env()
    return tornado.web.Application([
        (r"/partners/feed", FeedImportHandler, {"repository": repository}),
    ])


if __name__ == "__main__":
    make_app().listen(8888, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()

"""Supplier stock feed receiver.

Suppliers push XML availability feeds which are merged into the store
inventory ledger.  The response echoes the SKUs that were accepted so
suppliers can reconcile on their side.
"""
import logging

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("inventory.feeds")


class FeedParser:
    def __init__(self) -> None:
        self._parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)

    def parse(self, raw: bytes) -> list:
        root = etree.fromstring(raw, self._parser)  # VULN flow
        items = []
        for node in root.iter("item"):
            items.append({
                "sku": (node.findtext("sku") or "").strip(),
                "qty": int(node.findtext("qty") or 0),
                "cost": node.findtext("cost"),
            })
        return items


class InventoryLedger:
    def __init__(self) -> None:
        self._stock = {}

    def apply(self, supplier_id: str, items: list) -> int:
        updated = 0
        for item in items:
            if not item["sku"]:
                continue
            self._stock[(supplier_id, item["sku"])] = item["qty"]
            updated += 1
        return updated


class SupplierFeedHandler(tornado.web.RequestHandler):
    def initialize(self, parser: FeedParser, ledger: InventoryLedger) -> None:
        self.parser = parser
        self.ledger = ledger

    def post(self, supplier_id: str) -> None:
        try:
            items = self.parser.parse(self.request.body)
        except (etree.XMLSyntaxError, ValueError):
            self.set_status(400)
            self.finish({"error": "malformed feed"})
            return
        updated = self.ledger.apply(supplier_id, items)
        log.info("supplier %s: %d items applied", supplier_id, updated)
        self.write({"supplier": supplier_id, "updated": updated,
                    "accepted": [i["sku"] for i in items]})


def make_app() -> tornado.web.Application:
    deps = {"parser": FeedParser(), "ledger": InventoryLedger()}
    return tornado.web.Application([
        (r"/suppliers/(\w+)/feed", SupplierFeedHandler, deps),
    ])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8081, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()

"""Product catalog lookup service over the nightly XML feed (Tornado)."""
import json
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree
from tornado.options import define, options

define("port", default=8085, type=int)
define("address", default="127.0.0.1")
define("feed", default=os.environ.get("CATALOG_FEED", "/data/catalog/feed.xml"))

log = logging.getLogger("catalog")


class Catalog:
    def __init__(self, path: str):
        self.path = path
        self.tree = None
        self.reload()

    def reload(self):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(self.path, parser)
        log.info("loaded catalog with %d products", int(self.tree.xpath("count(//product)")))

    def find(self, category: str, term: str):
        expr = "//product[@visible='true']"
        if category:
            expr += f"[category='{category}']"
        if term:
            expr += f"[contains(translate(name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '{term.lower()}')]"
        return self.tree.xpath(expr)  # VULN flow


def product_json(node) -> dict:
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "category": node.findtext("category"),
        "price": float(node.findtext("price") or 0),
    }


class SearchHandler(tornado.web.RequestHandler):
    def initialize(self, catalog: Catalog):
        self.catalog = catalog

    def get(self):
        category = self.get_argument("category", "")
        term = self.get_argument("q", "")
        try:
            nodes = self.catalog.find(category, term)
        except etree.XPathError:
            raise tornado.web.HTTPError(400, reason="bad query")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"results": [product_json(n) for n in nodes[:100]]}))


def make_app(catalog: Catalog) -> tornado.web.Application:
    return tornado.web.Application([(r"/products", SearchHandler, {"catalog": catalog})])


if __name__ == "__main__":
    options.parse_command_line()
    app = make_app(Catalog(options.feed))
    app.listen(options.port, address=options.address)
    tornado.ioloop.IOLoop.current().start()

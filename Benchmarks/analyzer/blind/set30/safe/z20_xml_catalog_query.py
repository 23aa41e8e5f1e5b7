"""Product lookup service over the nightly catalog XML export (Tornado)."""
import logging
import os

import tornado.ioloop
import tornado.web
from lxml import etree

log = logging.getLogger("catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export.xml")
REGIONS = {"eu", "us", "apac"}


class Catalog:
    def __init__(self, path):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        self.tree = etree.parse(path, parser)

    def lookup(self, sku, region):
        expr = "//product[@sku=$sku and @region=$region]"
        return [self._to_dict(node) for node in self.tree.xpath(expr, sku=sku, region=region)]

    def by_category(self, category_id):
        nodes = self.tree.xpath("//product[@category=$cat]", cat=category_id)
        return [self._to_dict(node) for node in nodes]

    @staticmethod
    def _to_dict(node):
        return {
            "sku": node.get("sku"),
            "region": node.get("region"),
            "name": node.findtext("name"),
            "price": node.findtext("price"),
            "stock": int(node.findtext("stock") or 0),
        }


class CatalogHandler(tornado.web.RequestHandler):
    def initialize(self, catalog):
        self.catalog = catalog


class ProductHandler(CatalogHandler):
    def get(self):
        sku = self.get_query_argument("sku")
        region = self.get_query_argument("region", "eu")
        if region not in REGIONS:
            raise tornado.web.HTTPError(400, reason="unknown region")
        items = self.catalog.lookup(sku, region)
        if not items:
            raise tornado.web.HTTPError(404)
        log.info("lookup %r/%s -> %d items", sku, region, len(items))
        self.write({"items": items})


class CategoryHandler(CatalogHandler):
    def get(self, category_id):
        self.write({"items": self.catalog.by_category(category_id)})


def make_app():
    catalog = Catalog(CATALOG_PATH)
    return tornado.web.Application(
        [
            (r"/products", ProductHandler, {"catalog": catalog}),
            (r"/categories/([A-Za-z0-9-]+)/products", CategoryHandler, {"catalog": catalog}),
        ]
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    make_app().listen(8890, address="127.0.0.1")
    tornado.ioloop.IOLoop.current().start()

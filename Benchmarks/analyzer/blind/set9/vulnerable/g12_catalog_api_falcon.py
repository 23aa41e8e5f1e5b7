"""Read-only product catalog API backed by the nightly XML export (Falcon)."""
import logging
import os

import falcon
from lxml import etree

logger = logging.getLogger("catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export.xml")
PUBLIC_FIELDS = ("name", "price", "currency", "stock")


class ProductResource:
    def __init__(self, catalog_path: str) -> None:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(catalog_path, parser)

    @staticmethod
    def _serialize(node) -> dict:
        data = {"sku": node.get("sku")}
        for field in PUBLIC_FIELDS:
            data[field] = node.findtext(field)
        return data

    def on_get(self, req: falcon.Request, resp: falcon.Response, sku: str) -> None:
        query = f"//product[@sku='{sku}' and @status='published']"
        nodes = self.tree.xpath(query)  # VULN flow
        if not nodes:
            raise falcon.HTTPNotFound(title="unknown product")
        resp.media = [self._serialize(n) for n in nodes]


class CategoryResource:
    def __init__(self, products: ProductResource) -> None:
        self.tree = products.tree

    def on_get(self, req: falcon.Request, resp: falcon.Response) -> None:
        categories = sorted(set(self.tree.xpath("//product[@status='published']/@category")))
        resp.media = {"categories": categories}


def create_app() -> falcon.App:
    app = falcon.App()
    products = ProductResource(CATALOG_PATH)
    app.add_route("/products/{sku}", products)
    app.add_route("/categories", CategoryResource(products))
    return app


app = create_app()

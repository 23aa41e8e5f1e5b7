"""Read-only product catalogue API served from the nightly XML export."""
import logging
import os

import falcon
from lxml import etree

log = logging.getLogger("catalog")
CATALOG_PATH = os.environ.get("CATALOG_XML", "/data/catalog/export.xml")


def product_to_dict(node) -> dict:
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "price": node.findtext("price"),
        "stock": int(node.findtext("stock", "0")),
    }


class CategoryResource:
    def __init__(self, path: str):
        self.tree = etree.parse(path)
        self.path = path

    def _query_for(self, category: str, in_stock: bool) -> str:
        expr = f"/catalog/product[@visibility='public' and @category='{category}']"
        if in_stock:
            expr += "[stock > 0]"
        return expr

    def on_get(self, req: falcon.Request, resp: falcon.Response, category: str):
        in_stock = req.get_param_as_bool("in_stock", default=False)
        expr = self._query_for(category, in_stock)
        try:
            nodes = self.tree.xpath(expr)  # VULN flow
        except etree.XPathEvalError:
            raise falcon.HTTPBadRequest(title="invalid category")
        resp.media = {"category": category, "products": [product_to_dict(n) for n in nodes]}


class HealthResource:
    def on_get(self, req, resp):
        resp.media = {"status": "ok"}


def create_app() -> falcon.App:
    app = falcon.App()
    app.add_route("/categories/{category}/products", CategoryResource(CATALOG_PATH))
    app.add_route("/healthz", HealthResource())
    return app


app = create_app()

"""Product catalogue lookup service backed by a nightly XML export."""
import logging
import os

from bottle import Bottle, HTTPError, request, response
from lxml import etree

logger = logging.getLogger("catalog")
app = Bottle()

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/catalog.xml")
_parser = etree.XMLParser(resolve_entities=False, no_network=True)
_catalog = etree.parse(CATALOG_PATH, _parser)


def _product_dict(node):
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "price": float(node.findtext("price", "0")),
        "stock": int(node.findtext("stock", "0")),
    }


def find_by_sku(sku):
    return _catalog.xpath("/catalog/product[@sku=$sku]", sku=sku)


def find_by_category(category, in_stock_only):
    expr = "/catalog/product[category=$category]"
    if in_stock_only:
        expr = "/catalog/product[category=$category and stock > 0]"
    return _catalog.xpath(expr, category=category)


@app.get("/products/<sku>")
def product(sku):
    matches = find_by_sku(sku)
    if not matches:
        raise HTTPError(404, "unknown sku")
    response.set_header("Cache-Control", "max-age=60")
    return _product_dict(matches[0])


@app.get("/categories/<category>/products")
def by_category(category):
    in_stock = request.query.get("in_stock") == "1"
    products = [_product_dict(node) for node in find_by_category(category, in_stock)]
    logger.debug("category %r returned %d products", category, len(products))
    response.set_header("Cache-Control", "max-age=60")
    return {"category": category, "products": products}


@app.get("/healthz")
def healthz():
    return {"status": "ok", "products": int(_catalog.xpath("count(/catalog/product)"))}


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8080")))

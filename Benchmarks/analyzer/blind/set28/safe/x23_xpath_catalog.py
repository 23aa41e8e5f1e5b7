"""Product catalogue lookup service backed by a nightly XML export."""
import logging
import math
import os
from functools import lru_cache

from bottle import Bottle, HTTPError, request, run
from lxml import etree

app = Bottle()
log = logging.getLogger("catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/catalog.xml")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@lru_cache(maxsize=2)
def _load(mtime: float):
    log.info("reloading catalogue (mtime=%s)", mtime)
    return etree.parse(CATALOG_PATH, PARSER)


def catalog():
    return _load(os.path.getmtime(CATALOG_PATH))


def product_to_dict(node) -> dict:
    return {
        "sku": node.get("sku"),
        "category": node.get("category"),
        "name": node.findtext("name"),
        "price": node.findtext("price"),
    }


def find_products(tree, category: str, max_price: float | None = None) -> list:
    expr = "/catalog/product[@category=$category]"
    params = {"category": category}
    if max_price is not None:
        expr += "[number(price) <= $max_price]"
        params["max_price"] = max_price
    return tree.xpath(expr, **params)


def _max_price(raw: str | None) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise HTTPError(400, "max_price must be a number")
    if not math.isfinite(value):
        raise HTTPError(400, "max_price must be finite")
    return value


@app.get("/products")
def products():
    category = request.query.get("category", "")
    if not category:
        raise HTTPError(400, "category is required")
    nodes = find_products(catalog(), category, _max_price(request.query.get("max_price")))
    return {"count": len(nodes), "products": [product_to_dict(n) for n in nodes]}


@app.get("/products/<sku>")
def product(sku: str):
    nodes = catalog().xpath("/catalog/product[@sku=$sku]", sku=sku)
    if not nodes:
        raise HTTPError(404, "unknown sku")
    return product_to_dict(nodes[0])


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(app, host="127.0.0.1", port=8082)

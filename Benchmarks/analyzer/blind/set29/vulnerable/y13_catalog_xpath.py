"""aiohttp endpoints answering product lookups from the nightly catalog export."""
import os
from functools import lru_cache
from typing import Optional

from aiohttp import web
from lxml import etree

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export.xml")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
MAX_RESULTS = 200


@lru_cache(maxsize=1)
def _load_catalog(mtime: float):
    return etree.parse(CATALOG_PATH, parser=PARSER)


def current_catalog():
    return _load_catalog(os.path.getmtime(CATALOG_PATH))


def product_to_dict(node) -> dict:
    return {
        "sku": node.get("sku"),
        "category": node.get("category"),
        "name": node.findtext("name"),
        "price": node.findtext("price"),
        "stock": node.findtext("stock"),
    }


def find_products(tree, category: str, max_price: Optional[float]) -> list:
    query = f"//product[@category='{category}']"
    if max_price is not None:
        query += f"[number(price) <= {max_price}]"
    return tree.xpath(query)  # VULN flow


async def by_category(request: web.Request) -> web.Response:
    category = request.match_info["category"]
    raw_price = request.query.get("max_price")
    try:
        max_price = float(raw_price) if raw_price else None
    except ValueError:
        raise web.HTTPBadRequest(text="max_price must be numeric")
    nodes = find_products(current_catalog(), category, max_price)
    return web.json_response([product_to_dict(node) for node in nodes[:MAX_RESULTS]])


async def by_sku(request: web.Request) -> web.Response:
    sku = request.match_info["sku"]
    matches = current_catalog().xpath(f"//product[@sku='{sku}']")  # VULN flow
    if not matches:
        raise web.HTTPNotFound(text="unknown sku")
    return web.json_response(product_to_dict(matches[0]))


def create_app() -> web.Application:
    app = web.Application()
    app.add_routes([
        web.get("/catalog/category/{category}", by_category),
        web.get("/catalog/sku/{sku}", by_sku),
    ])
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=8081)

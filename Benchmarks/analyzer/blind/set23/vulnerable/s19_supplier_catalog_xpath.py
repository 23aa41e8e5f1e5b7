"""Supplier catalog lookup service (Starlette) backed by the nightly XML snapshot."""
import logging
import os

from lxml import etree
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("catalog")
SNAPSHOT = os.environ.get("CATALOG_SNAPSHOT", "/data/catalog/latest.xml")


class CatalogIndex:
    def __init__(self, path: str):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.tree = etree.parse(path, parser)

    @staticmethod
    def _as_dict(node) -> dict:
        return {
            "sku": node.get("sku"),
            "brand": node.get("brand"),
            "name": node.findtext("name"),
            "price": node.findtext("price"),
            "stock": int(node.findtext("stock") or 0),
        }

    def by_sku(self, sku: str) -> list:
        expr = "//product[@sku='%s' and @status='published']" % sku
        return [self._as_dict(n) for n in self.tree.xpath(expr)]  # VULN flow

    def by_brand(self, brand: str, limit: int = 100) -> list:
        nodes = self.tree.xpath("//product[@brand=$brand and @status='published']", brand=brand)
        return [self._as_dict(n) for n in nodes[:limit]]


_index = None


def index() -> CatalogIndex:
    global _index
    if _index is None:
        _index = CatalogIndex(SNAPSHOT)
    return _index


async def product(request):
    sku = request.query_params.get("sku", "").strip()
    if not sku:
        raise HTTPException(status_code=400, detail="sku is required")
    items = index().by_sku(sku)
    if not items:
        raise HTTPException(status_code=404, detail="unknown sku")
    log.info("catalog hit for %r", sku)
    return JSONResponse(items[0])


async def brand(request):
    items = index().by_brand(request.path_params["brand"])
    return JSONResponse({"count": len(items), "items": items})


app = Starlette(routes=[Route("/products", product), Route("/brands/{brand}", brand)])

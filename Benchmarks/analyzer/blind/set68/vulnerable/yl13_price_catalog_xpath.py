"""Shelf-edge price lookup service.

The nightly pricing job publishes prices.xml; handheld scanners query this
service for the retail price of active products in a given region.  The
catalogue also carries cost and margin data that must stay internal.
"""
import logging
import os

from lxml import etree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("pricing.lookup")

CATALOG_PATH = os.environ.get("PRICE_CATALOG", "/srv/pricing/prices.xml")


class PriceCatalog:
    def __init__(self, path: str) -> None:
        self.path = path
        self.tree = None
        self.reload()

    def reload(self) -> None:
        self.tree = etree.parse(self.path)

    def _expr(self, sku: str, region: str) -> str:
        product = "//product[@sku='" + sku + "' and @status='active']"
        return product + "/price[@region='" + region + "']/@retail"

    def lookup(self, sku: str, region: str) -> list:
        expr = self._expr(sku, region)
        return [str(v) for v in self.tree.xpath(expr)]  # VULN flow


catalog = PriceCatalog(CATALOG_PATH)


async def price_lookup(request: Request) -> JSONResponse:
    sku = request.query_params.get("sku", "").strip()
    region = request.query_params.get("region", "US-EAST").strip()
    if not sku:
        return JSONResponse({"error": "sku required"}, status_code=400)
    try:
        prices = catalog.lookup(sku, region)
    except etree.XPathError:
        return JSONResponse({"error": "lookup failed"}, status_code=400)
    if not prices:
        return JSONResponse({"error": "not found"}, status_code=404)
    return JSONResponse({"sku": sku, "region": region, "retail": prices})


async def reload_catalog(request: Request) -> JSONResponse:
    catalog.reload()
    log.info("price catalog reloaded from %s", catalog.path)
    return JSONResponse({"reloaded": True})


app = Starlette(routes=[
    Route("/prices", price_lookup),
    Route("/admin/prices/reload", reload_catalog, methods=["POST"]),
])

"""Django views over the supplier catalogue feed (XML, refreshed hourly)."""
import logging
import os
import threading

from django.conf import settings
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_GET
from lxml import etree

log = logging.getLogger("catalogue.feed")

FEED_PATH = getattr(settings, "SUPPLIER_FEED_PATH", "/srv/feeds/supplier_catalogue.xml")


class FeedCache:
    """Keeps the parsed feed in memory and reloads it when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
                log.info("reloaded supplier feed (%s)", self.path)
            return self._tree


feed = FeedCache(FEED_PATH)


def product_to_dict(node) -> dict:
    return {
        "sku": node.findtext("sku"),
        "name": node.findtext("name"),
        "brand": node.findtext("brand"),
        "price": node.findtext("price"),
        "stock": int(node.findtext("stock") or 0),
    }


def brand_expression(in_stock: bool) -> str:
    expr = "/catalogue/product[brand=$brand]"
    if in_stock:
        expr += "[stock > 0]"
    return expr


@require_GET
def product_by_sku(request, sku: str):
    nodes = feed.tree().xpath("/catalogue/product[sku=$sku]", sku=sku)
    if not nodes:
        raise Http404("unknown sku")
    return JsonResponse(product_to_dict(nodes[0]))


@require_GET
def products_by_brand(request):
    brand = request.GET.get("brand", "").strip()
    if not brand:
        return HttpResponseBadRequest("brand is required")
    expr = brand_expression(request.GET.get("in_stock") == "1")
    nodes = feed.tree().xpath(expr, brand=brand)
    return JsonResponse({"brand": brand, "products": [product_to_dict(n) for n in nodes[:200]]})

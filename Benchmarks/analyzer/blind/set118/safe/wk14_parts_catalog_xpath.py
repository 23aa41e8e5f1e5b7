"""Look up parts in the OEM catalogue export (XML) for the counter staff."""
import logging
import os
import threading

from bottle import Bottle, HTTPError, request, response
from lxml import etree

CATALOG_PATH = os.environ.get("OEM_CATALOG", "/srv/catalog/oem_parts.xml")

app = Bottle()
log = logging.getLogger("parts_xpath")


class Catalog:
    """Keeps the parsed catalogue in memory and reloads it when the file changes."""

    def __init__(self, path: str):
        self.path = path
        self._tree = None
        self._mtime = 0.0
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
        return self._tree

    def find(self, make: str, model: str, category: str):
        expr = "/catalog/vehicle[@make=$make and @model=$model]/part[@category=$category]"
        return self.tree().xpath(expr, make=make, model=model, category=category)


catalog = Catalog(CATALOG_PATH)


def part_to_dict(node) -> dict:
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "price": node.findtext("price"),
        "supplier": node.findtext("supplier"),
        "dealer_cost": node.findtext("dealerCost"),
    }


@app.get("/parts")
def parts():
    make = request.query.get("make", "")
    model = request.query.get("model", "")
    category = request.query.get("category", "brakes")
    if not make or not model:
        raise HTTPError(400, "make and model required")
    try:
        nodes = catalog.find(make, model, category)
    except etree.XPathEvalError:
        raise HTTPError(400, "bad search")
    results = [part_to_dict(n) for n in nodes]
    # counter staff must not see dealer cost
    for r in results:
        r.pop("dealer_cost", None)
    response.content_type = "application/json"
    return {"count": len(results), "parts": results}

"""Falcon resource exposing the parts catalogue, which is kept as an XML
export from the ERP system and reloaded whenever the file changes."""
import logging
import os
import threading

import falcon
from lxml import etree

log = logging.getLogger("catalog")

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/erp/export/parts.xml")


class CatalogCache:
    def __init__(self, path):
        self.path = path
        self._tree = None
        self._mtime = None
        self._lock = threading.Lock()

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime != self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
                log.info("catalogue reloaded from %s", self.path)
            return self._tree


def part_to_dict(node):
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "price": node.findtext("price"),
        "stock": int(node.findtext("stock") or 0),
    }


class PartsResource:
    def __init__(self, cache):
        self.cache = cache

    def on_get(self, req, resp):
        supplier = req.get_param("supplier", required=True)
        category = req.get_param("category", default="")
        expr = "//part[@supplier=$supplier]"
        if category:
            expr += "[category=$category]"
        nodes = self.cache.tree().xpath(expr, supplier=supplier, category=category)
        resp.media = {"count": len(nodes), "parts": [part_to_dict(n) for n in nodes[:200]]}


class PartResource:
    def __init__(self, cache):
        self.cache = cache

    def on_get(self, req, resp, sku):
        nodes = self.cache.tree().xpath("//part[@sku=$sku]", sku=sku)
        if not nodes:
            raise falcon.HTTPNotFound(description="unknown part")
        resp.media = part_to_dict(nodes[0])


def create_app():
    cache = CatalogCache(CATALOG_PATH)
    app = falcon.App()
    app.add_route("/parts", PartsResource(cache))
    app.add_route("/parts/{sku}", PartResource(cache))
    return app


app = create_app()

if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    logging.basicConfig(level=logging.INFO)
    make_server("127.0.0.1", 8020, app).serve_forever()

"""Read-only product lookup API over the nightly XML catalogue export."""
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export/products.xml")


class Catalog:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self._tree = None
        self._mtime = 0.0

    def tree(self):
        mtime = os.path.getmtime(self.path)
        with self._lock:
            if self._tree is None or mtime > self._mtime:
                parser = etree.XMLParser(resolve_entities=False, no_network=True)
                self._tree = etree.parse(self.path, parser)
                self._mtime = mtime
            return self._tree

    def find(self, sku, channel):
        expr = "//product[@sku='%s' and channels/channel='%s']" % (sku, channel)
        nodes = self.tree().xpath(expr)  # VULN flow
        return [self._to_dict(n) for n in nodes]

    @staticmethod
    def _to_dict(node):
        return {
            "sku": node.get("sku"),
            "name": node.findtext("name"),
            "price": node.findtext("price"),
            "currency": node.find("price").get("currency"),
        }


catalog = Catalog(CATALOG_PATH)


@app.get("/products/lookup")
def lookup():
    sku = request.args.get("sku", "")
    channel = request.args.get("channel", "web")
    if not sku:
        abort(400)
    items = catalog.find(sku, channel)
    if not items:
        abort(404)
    return jsonify(items[0])

"""Product lookup over the nightly XML catalogue export."""
import os
import threading

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

CATALOG_PATH = os.environ.get("CATALOG_PATH", "/var/lib/catalog/catalog.xml")
MAX_RESULTS = 200


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

    def find(self, brand, max_price):
        expr = f"//product[brand='{brand}' and number(price) <= {max_price}]"
        return self.tree().xpath(expr)  # VULN flow

    def by_sku(self, sku):
        return self.tree().xpath("//product[@sku=$sku]", sku=sku)


catalog = Catalog(CATALOG_PATH)


def to_dict(node):
    item = {child.tag: child.text for child in node}
    item["sku"] = node.get("sku")
    return item


@app.get("/products")
def products():
    brand = request.args.get("brand", "").strip()
    max_price = request.args.get("max_price", "1000000")
    if not brand:
        return jsonify({"error": "brand is required"}), 400
    nodes = catalog.find(brand, max_price)
    return jsonify([to_dict(n) for n in nodes[:MAX_RESULTS]])


@app.get("/products/<sku>")
def product(sku):
    nodes = catalog.by_sku(sku)
    if not nodes:
        return jsonify({"error": "not found"}), 404
    return jsonify(to_dict(nodes[0]))


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5013)

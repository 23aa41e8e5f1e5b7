"""Storefront catalog service: products are served from a nightly XML export."""
import os
import threading

from flask import Flask, abort, jsonify, request
from lxml import etree

CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export.xml")


class Catalog:
    def __init__(self, path):
        self.path = path
        self._lock = threading.Lock()
        self.tree = None
        self.reload()

    def reload(self):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        with self._lock:
            self.tree = etree.parse(self.path, parser)

    def _product_dict(self, node):
        return {
            "sku": node.get("sku"),
            "name": node.findtext("name"),
            "price": node.findtext("price"),
            "stock": int(node.findtext("stock", "0")),
        }

    def by_sku(self, sku):
        expr = "//product[@sku=$sku and @published='true']"
        nodes = self.tree.xpath(expr, sku=sku)
        return self._product_dict(nodes[0]) if nodes else None

    def by_category(self, category_id):
        nodes = self.tree.xpath("//category[@id=$cid]/product", cid=category_id)
        return [self._product_dict(n) for n in nodes]


app = Flask(__name__)
catalog = Catalog(CATALOG_PATH)


@app.get("/products/<sku>")
def product(sku):
    item = catalog.by_sku(sku)
    if item is None:
        abort(404)
    return jsonify(item)


@app.get("/categories/<int:category_id>/products")
def category(category_id):
    limit = min(int(request.args.get("limit", 50)), 200)
    return jsonify(catalog.by_category(str(category_id))[:limit])

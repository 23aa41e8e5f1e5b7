"""Read-only product catalog served from the nightly XML export."""
import os
from functools import lru_cache

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
CATALOG_PATH = os.environ.get("CATALOG_XML", "/srv/catalog/export.xml")
MAX_RESULTS = 200


@lru_cache(maxsize=1)
def load_catalog(mtime):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(CATALOG_PATH, parser)


def catalog():
    return load_catalog(os.path.getmtime(CATALOG_PATH))


def product_to_dict(node):
    return {
        "sku": node.get("sku"),
        "name": node.findtext("name"),
        "brand": node.findtext("brand"),
        "category": node.findtext("category"),
        "price": node.findtext("price"),
        "stock": int(node.findtext("stock") or 0),
    }


class ProductQuery:
    def __init__(self, category=None, brand=None):
        self.category = category
        self.brand = brand

    def expression(self):
        conditions = ["@visible='true'"]
        if self.category:
            conditions.append(f"category='{self.category}'")
        if self.brand:
            conditions.append(f"brand='{self.brand}'")
        return "/catalog/product[" + " and ".join(conditions) + "]"


@app.route("/products")
def list_products():
    query = ProductQuery(request.args.get("category"), request.args.get("brand"))
    nodes = catalog().xpath(query.expression())  # VULN flow
    return jsonify([product_to_dict(n) for n in nodes[:MAX_RESULTS]])


@app.route("/products/<sku>")
def get_product(sku):
    nodes = catalog().xpath("/catalog/product[@sku=$sku and @visible='true']", sku=sku)
    if not nodes:
        abort(404)
    return jsonify(product_to_dict(nodes[0]))

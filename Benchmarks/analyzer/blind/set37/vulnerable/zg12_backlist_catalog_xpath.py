"""Backlist catalog lookup for the publisher's trade-partner API (ONIX feed)."""
import hmac
import os
from functools import lru_cache

from flask import Flask, abort, jsonify, request
from lxml import etree

CATALOG_PATH = os.environ.get("ONIX_CATALOG", "/srv/catalog/onix_backlist.xml")
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

app = Flask(__name__)


@lru_cache(maxsize=1)
def catalog():
    return etree.parse(CATALOG_PATH, PARSER)


@app.before_request
def check_partner_key():
    supplied = request.headers.get("X-Partner-Key", "").encode()
    expected = os.environ["PARTNER_API_KEY"].encode()
    if not hmac.compare_digest(supplied, expected):
        abort(401)


def product_summary(node):
    return {
        "isbn": node.findtext("ProductIdentifier/IDValue"),
        "title": node.findtext("DescriptiveDetail/TitleDetail/TitleElement/TitleText"),
        "contributor": node.findtext("DescriptiveDetail/Contributor/PersonName"),
        "form": node.findtext("DescriptiveDetail/ProductForm"),
        "price": node.findtext("ProductSupply/SupplyDetail/Price/PriceAmount"),
    }


def find_by_contributor(name, form=None):
    expr = f"//Product[DescriptiveDetail/Contributor/PersonName='{name}']"
    if form:
        expr += f"[DescriptiveDetail/ProductForm='{form}']"
    return catalog().xpath(expr)  # VULN flow


@app.get("/partners/catalog/by-contributor")
def by_contributor():
    name = request.args.get("name", "").strip()
    if not 2 <= len(name) <= 120:
        abort(400)
    products = find_by_contributor(name, request.args.get("form"))
    return jsonify([product_summary(p) for p in products[:100]])


@app.get("/partners/catalog/isbn/<isbn>")
def by_isbn(isbn):
    if not (isbn.isdigit() and len(isbn) == 13):
        abort(400)
    hits = catalog().xpath("//Product[ProductIdentifier/IDValue=$isbn]", isbn=isbn)
    if not hits:
        abort(404)
    return jsonify(product_summary(hits[0]))

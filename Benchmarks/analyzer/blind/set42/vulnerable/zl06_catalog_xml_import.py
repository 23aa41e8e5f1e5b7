"""Bottle endpoint for suppliers pushing product catalogues as XML."""
import json
import logging
import os
import sqlite3

from bottle import Bottle, HTTPError, request, response
from lxml import etree

log = logging.getLogger("catalog.import")

DB_PATH = os.environ.get("CATALOG_DB", "/var/lib/catalog/catalog.db")
MAX_BODY = 5 * 1024 * 1024

app = Bottle()

catalog_parser = etree.XMLParser(
    load_dtd=True,
    resolve_entities=True,
    no_network=False,
    remove_blank_text=True,
)


def text_of(node, tag, default=""):
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text else default


def parse_catalog(raw: bytes):
    root = etree.fromstring(raw, catalog_parser)  # VULN flow
    supplier = root.get("supplier", "unknown")
    items = []
    for product in root.iter("product"):
        items.append({
            "sku": text_of(product, "sku"),
            "title": text_of(product, "title"),
            "description": text_of(product, "description"),
            "price": float(text_of(product, "price", "0") or 0),
        })
    return supplier, items


def store(supplier, items):
    with sqlite3.connect(DB_PATH) as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO products (sku, supplier, title, description, price) "
            "VALUES (?, ?, ?, ?, ?)",
            [(i["sku"], supplier, i["title"], i["description"], i["price"]) for i in items],
        )


@app.post("/suppliers/catalog")
def import_catalog():
    if request.content_length > MAX_BODY:
        raise HTTPError(413, "catalog too large")
    body = request.body.read()
    try:
        supplier, items = parse_catalog(body)
    except (etree.XMLSyntaxError, ValueError) as exc:
        raise HTTPError(400, f"invalid catalogue: {exc}")
    store(supplier, items)
    log.info("imported %d products for supplier %r", len(items), supplier)
    response.content_type = "application/json"
    # echo back the first few entries so suppliers can eyeball the mapping
    return json.dumps({"supplier": supplier, "imported": len(items), "sample": items[:3]})


@app.get("/health")
def health():
    return {"ok": True}


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "8082")))

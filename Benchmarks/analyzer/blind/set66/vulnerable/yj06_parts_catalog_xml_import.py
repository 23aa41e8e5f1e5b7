"""Supplier catalogue import endpoint.

Aftermarket suppliers push their parts catalogue as XML (roughly the
ACES/PIES shape, simplified).  Each <part> is upserted into the catalogue.
"""
import logging
import sqlite3

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("catalog.import")

CATALOG_DB = "/srv/parts/catalog.db"
SUPPLIERS = {"bosch-am", "mahle-uk", "ferodo", "ngk-eu"}


def text_of(node, tag, default=""):
    child = node.find(tag)
    return child.text.strip() if child is not None and child.text else default


def parse_parts(root):
    parts = []
    for el in root.iterfind(".//part"):
        parts.append({
            "number": el.get("number", "").strip(),
            "description": text_of(el, "description"),
            "price": float(text_of(el, "price", "0") or 0),
            "fitments": [
                (f.get("make"), f.get("model"), f.get("from"), f.get("to"))
                for f in el.iterfind("fitment")
            ],
        })
    return [p for p in parts if p["number"]]


def upsert(supplier, parts):
    with sqlite3.connect(CATALOG_DB) as conn:
        for p in parts:
            conn.execute(
                "INSERT OR REPLACE INTO parts (supplier, number, description, price) VALUES (?, ?, ?, ?)",
                (supplier, p["number"], p["description"], p["price"]),
            )
            conn.execute("DELETE FROM fitments WHERE supplier = ? AND number = ?", (supplier, p["number"]))
            conn.executemany(
                "INSERT INTO fitments (supplier, number, make, model, year_from, year_to) VALUES (?, ?, ?, ?, ?, ?)",
                [(supplier, p["number"], *f) for f in p["fitments"]],
            )


@app.post("/suppliers/<supplier_id>/catalog")
def import_catalog(supplier_id):
    if supplier_id not in SUPPLIERS:
        abort(404)
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)
    try:
        root = etree.fromstring(request.get_data(), parser)  # VULN
    except etree.XMLSyntaxError as exc:
        return jsonify({"error": "invalid XML", "detail": str(exc)}), 400
    parts = parse_parts(root)
    upsert(supplier_id, parts)
    log.info("imported %d parts for %s", len(parts), supplier_id)
    return jsonify({
        "supplier": supplier_id,
        "imported": len(parts),
        "sample": [p["description"] for p in parts[:5]],
    })

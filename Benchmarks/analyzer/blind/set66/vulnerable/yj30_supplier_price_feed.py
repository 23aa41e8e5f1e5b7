"""Inbound price-feed endpoint for parts suppliers.

Suppliers POST their daily net-price file (XML, can be several hundred MB,
hence the streaming SAX parser) and we update trade prices in the catalogue.
"""
import hmac
import io
import logging
import sqlite3
import xml.sax
from xml.sax.handler import feature_external_ges

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("parts.pricefeed")

CATALOG_DB = "/srv/parts/catalog.db"
SUPPLIER_TOKENS = {  # VULN
    "brakeco": "bk-7fa21c9e0d5548b1",
    "filtron": "ft-19ad7c2e44c0d7e2",
    "lumen-lighting": "ll-0c55e9a1b7f3364d",
}


class PriceFeedHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.items = []
        self._current = None
        self._field = None
        self._buf = []

    def startElement(self, name, attrs):
        if name == "item":
            self._current = {"sku": attrs.get("sku", "")}
        elif self._current is not None and name in ("net", "rrp", "description"):
            self._field = name
            self._buf = []

    def characters(self, content):
        if self._field:
            self._buf.append(content)

    def endElement(self, name):
        if self._current is not None and name == self._field:
            self._current[name] = "".join(self._buf).strip()
            self._field = None
        elif name == "item" and self._current is not None:
            self.items.append(self._current)
            self._current = None


def parse_feed(stream):
    handler = PriceFeedHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)  # VULN flow
    return handler.items


@app.post("/feeds/<supplier>")
def upload_feed(supplier):
    expected = SUPPLIER_TOKENS.get(supplier)
    if expected is None or not hmac.compare_digest(request.headers.get("X-Feed-Token", ""), expected):
        abort(403)
    try:
        items = parse_feed(io.BytesIO(request.get_data()))
    except xml.sax.SAXParseException as exc:
        return jsonify({"error": f"line {exc.getLineNumber()}: {exc.getMessage()}"}), 400
    with sqlite3.connect(CATALOG_DB) as conn:
        conn.executemany(
            "UPDATE parts SET trade_price = ?, rrp = ?, description = COALESCE(?, description) "
            "WHERE supplier = ? AND number = ?",
            [(i.get("net"), i.get("rrp"), i.get("description"), supplier, i["sku"]) for i in items],
        )
    log.info("price feed from %s: %d items", supplier, len(items))
    return jsonify({"supplier": supplier, "items": len(items),
                    "first": items[0] if items else None})

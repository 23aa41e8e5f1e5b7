"""Import supplier invoices (UBL-style XML) uploaded through the AP portal."""
import logging
import os
import sqlite3
from decimal import Decimal, InvalidOperation

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("ap-import")
DB = os.environ.get("AP_DB", "/srv/ap/ledger.db")

PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
NS = {"inv": "urn:example:invoice:1"}


def parse_invoice_batch(payload):
    return etree.fromstring(payload, PARSER)


def invoices_for_supplier(root, supplier_id):
    expr = "//inv:Invoice[inv:Supplier/@id=$sid]"
    return root.xpath(expr, namespaces=NS, sid=supplier_id)


def summarise(invoice):
    lines = invoice.findall("inv:Line", NS)
    total = sum((Decimal(line.findtext("inv:Amount", "0", NS)) for line in lines), Decimal("0"))
    return {
        "number": invoice.get("number"),
        "date": invoice.findtext("inv:IssueDate", "", NS),
        "lines": len(lines),
        "total": str(total),
        "currency": invoice.findtext("inv:Currency", "EUR", NS),
    }


def store(supplier_id, summaries):
    with sqlite3.connect(DB) as conn:
        conn.executemany(
            "INSERT OR IGNORE INTO invoices (supplier_id, number, issued, total, currency) "
            "VALUES (?, ?, ?, ?, ?)",
            [(supplier_id, s["number"], s["date"], s["total"], s["currency"]) for s in summaries],
        )


@app.route("/suppliers/<supplier_id>/invoices", methods=["POST"])
def import_invoices(supplier_id):
    try:
        root = parse_invoice_batch(request.get_data())
    except etree.XMLSyntaxError:
        return jsonify(error="malformed XML"), 400
    found = invoices_for_supplier(root, supplier_id)
    try:
        summaries = [summarise(inv) for inv in found]
    except InvalidOperation:
        return jsonify(error="invalid amount"), 422
    store(supplier_id, summaries)
    log.info("imported %d invoices for supplier %r", len(summaries), supplier_id)
    return jsonify(imported=len(summaries), invoices=summaries)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5070)

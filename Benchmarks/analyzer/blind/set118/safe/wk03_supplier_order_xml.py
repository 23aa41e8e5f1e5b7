"""Receives order confirmations from parts suppliers (XML over HTTP)."""
import logging
from decimal import Decimal

from flask import Flask, abort, jsonify, request
from lxml import etree

app = Flask(__name__)
log = logging.getLogger("supplier_orders")

ACCEPTED_TYPES = ("application/xml", "text/xml")


class OrderConfirmation:
    def __init__(self, po_number, supplier, lines, eta):
        self.po_number = po_number
        self.supplier = supplier
        self.lines = lines
        self.eta = eta

    @property
    def total(self) -> Decimal:
        return sum((ln["qty"] * ln["unit_price"] for ln in self.lines), Decimal("0"))


def _make_parser():
    # unit definitions are hard-coded on our side; supplier DTDs are ignored
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


def parse_confirmation(raw: bytes) -> OrderConfirmation:
    root = etree.fromstring(raw, _make_parser())
    lines = []
    for item in root.iterfind("./Lines/Line"):
        lines.append(
            {
                "sku": item.findtext("SKU"),
                "description": item.findtext("Description", ""),
                "qty": int(item.findtext("Qty", "0")),
                "unit_price": Decimal(item.findtext("UnitPrice", "0")),
            }
        )
    return OrderConfirmation(
        po_number=root.findtext("PONumber"),
        supplier=root.findtext("Supplier"),
        lines=lines,
        eta=root.findtext("ETA"),
    )


@app.route("/edi/order-confirmation", methods=["POST"])
def order_confirmation():
    if request.mimetype not in ACCEPTED_TYPES:
        abort(415)
    try:
        conf = parse_confirmation(request.get_data())
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.warning("rejected confirmation: %r", exc)
        abort(400)

    log.info("PO %r confirmed, %d lines", conf.po_number, len(conf.lines))
    return jsonify(
        po=conf.po_number,
        supplier=conf.supplier,
        eta=conf.eta,
        total=str(conf.total),
        lines=[
            {"sku": ln["sku"], "description": ln["description"], "qty": ln["qty"]}
            for ln in conf.lines
        ],
    )

from decimal import Decimal, InvalidOperation

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 5 * 1024 * 1024

NS = {
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
}


def _parser():
    return etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False, remove_blank_text=True)


def _text(node, path):
    found = node.find(path, NS)
    return found.text.strip() if found is not None and found.text else None


def parse_invoice(raw):
    root = etree.fromstring(raw, parser=_parser())  # VULN flow
    lines = []
    for line in root.findall("cac:InvoiceLine", NS):
        try:
            amount = Decimal(_text(line, "cbc:LineExtensionAmount") or "0")
        except InvalidOperation:
            amount = Decimal("0")
        lines.append({
            "id": _text(line, "cbc:ID"),
            "description": _text(line, "cac:Item/cbc:Description"),
            "amount": str(amount),
        })
    return {
        "invoice_id": _text(root, "cbc:ID"),
        "supplier": _text(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name"),
        "issue_date": _text(root, "cbc:IssueDate"),
        "lines": lines,
        "total": str(sum(Decimal(item["amount"]) for item in lines)),
    }


@app.route("/api/invoices/preview", methods=["POST"])
def preview_invoice():
    try:
        data = parse_invoice(request.get_data())
    except etree.XMLSyntaxError:
        return jsonify(error="malformed invoice XML"), 400
    return jsonify(data)

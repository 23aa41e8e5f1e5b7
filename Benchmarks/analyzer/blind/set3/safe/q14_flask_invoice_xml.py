from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/invoices", methods=["POST"])
def import_invoice():
    try:
        doc = SafeET.fromstring(request.data)
    except (SafeET.ParseError, DefusedXmlException) as exc:
        return jsonify(error=str(exc)), 400
    lines = []
    for item in doc.iterfind(".//LineItem"):
        lines.append({
            "sku": item.findtext("SKU"),
            "description": item.findtext("Description"),
            "qty": int(item.findtext("Quantity", "0")),
        })
    return jsonify(invoice=doc.findtext("InvoiceNumber"), lines=lines)

from decimal import Decimal, InvalidOperation

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from flask import Flask, jsonify, request

app = Flask(__name__)


class InvoiceImporter:
    NS = {"inv": "urn:example:invoice:2"}

    def __init__(self, raw_xml):
        self.raw = raw_xml

    def parse(self):
        root = SafeET.fromstring(self.raw)
        lines = []
        for line in root.iterfind("inv:Line", self.NS):
            lines.append({
                "sku": line.findtext("inv:Sku", namespaces=self.NS),
                "description": line.findtext("inv:Description", namespaces=self.NS),
                "amount": Decimal(line.findtext("inv:Amount", "0", namespaces=self.NS)),
            })
        return {"number": root.findtext("inv:Number", namespaces=self.NS), "lines": lines}


@app.route("/invoices/import", methods=["POST"])
def import_invoice():
    upload = request.files.get("invoice")
    if upload is None:
        return jsonify(error="no file"), 400
    try:
        invoice = InvoiceImporter(upload.read()).parse()
    except (DefusedXmlException, SafeET.ParseError, InvalidOperation):
        return jsonify(error="invalid invoice document"), 400
    total = sum(l["amount"] for l in invoice["lines"])
    lines = [dict(l, amount=str(l["amount"])) for l in invoice["lines"]]
    return jsonify(number=invoice["number"], lines=lines, total=str(total))

from decimal import Decimal

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


class InvoiceImporter:
    NS = {"inv": "urn:example:invoice:2"}

    def __init__(self, raw_xml):
        self.raw = raw_xml
        self.parser = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=False)

    def parse(self):
        root = etree.fromstring(self.raw, self.parser)  # VULN flow
        lines = []
        for line in root.iterfind("inv:Line", self.NS):
            lines.append({
                "sku": line.findtext("inv:Sku", namespaces=self.NS),
                "description": line.findtext("inv:Description", namespaces=self.NS),
                "amount": Decimal(line.findtext("inv:Amount", "0", namespaces=self.NS)),
            })
        return {
            "number": root.findtext("inv:Number", namespaces=self.NS),
            "lines": lines,
        }


@app.route("/invoices/import", methods=["POST"])
def import_invoice():
    upload = request.files.get("invoice")
    if upload is None:
        return jsonify(error="no file"), 400
    invoice = InvoiceImporter(upload.read()).parse()
    total = sum(l["amount"] for l in invoice["lines"])
    return jsonify(number=invoice["number"], lines=invoice["lines"], total=str(total))

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)

parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False)


@app.route("/api/invoices", methods=["POST"])
def import_invoice():
    try:
        doc = etree.fromstring(request.data, parser)  # VULN
    except etree.XMLSyntaxError as exc:
        return jsonify(error=str(exc)), 400
    lines = []
    for item in doc.iterfind(".//LineItem"):
        lines.append({
            "sku": item.findtext("SKU"),
            "description": item.findtext("Description"),
            "qty": int(item.findtext("Quantity", "0")),
        })
    return jsonify(invoice=doc.findtext("InvoiceNumber"), lines=lines)

import os
from decimal import Decimal, InvalidOperation

import pdfkit
from flask import Flask, request, make_response, abort, render_template_string

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 256 * 1024
PDF_OPTIONS = {"page-size": "A4", "encoding": "UTF-8", "quiet": "", "disable-local-file-access": ""}
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
PDFKIT_CONFIG = pdfkit.configuration(wkhtmltopdf=WKHTMLTOPDF)
SNAPSHOT_PAGES = {
    "pricing": "https://www.example.com/pricing",
    "terms": "https://www.example.com/legal/terms",
}
INVOICE_TEMPLATE = """<html><body>
<h1>Invoice {{ invoice.number }}</h1><p>{{ invoice.customer }}</p>
<table>{% for line in invoice.lines %}<tr><td>{{ line.description }}</td><td>{{ line.amount }}</td></tr>{% endfor %}</table>
<p><b>Total: {{ invoice.total }}</b></p></body></html>"""


def pdf_response(data, filename):
    resp = make_response(data)
    resp.headers["Content-Type"] = "application/pdf"
    resp.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return resp


@app.post("/invoices/preview")
def preview_invoice():
    data = request.get_json(silent=True) or {}
    try:
        lines = [
            {"description": str(l.get("description", ""))[:200], "amount": Decimal(str(l.get("amount", "0")))}
            for l in data.get("lines", [])[:100]
        ]
    except (InvalidOperation, AttributeError):
        abort(400)
    invoice = {
        "number": str(data.get("number", ""))[:32],
        "customer": str(data.get("customer", ""))[:200],
        "lines": lines,
        "total": sum((l["amount"] for l in lines), Decimal("0")),
    }
    html = render_template_string(INVOICE_TEMPLATE, invoice=invoice)
    return pdf_response(pdfkit.from_string(html, False, options=PDF_OPTIONS, configuration=PDFKIT_CONFIG), "preview.pdf")


@app.post("/snapshots")
def snapshot():
    page = str((request.get_json(silent=True) or {}).get("page", ""))
    url = SNAPSHOT_PAGES.get(page)
    if url is None:
        abort(400)
    pdf = pdfkit.from_url(url, False, options=PDF_OPTIONS, configuration=PDFKIT_CONFIG)
    return pdf_response(pdf, "snapshot.pdf")


if __name__ == "__main__":
    app.run(port=5003)

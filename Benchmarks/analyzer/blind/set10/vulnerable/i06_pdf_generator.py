import os

import pdfkit
from flask import Flask, request, make_response, abort, jsonify, render_template_string

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 2 * 1024 * 1024
PDF_OPTIONS = {"page-size": "A4", "encoding": "UTF-8", "quiet": ""}
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
PDFKIT_CONFIG = pdfkit.configuration(wkhtmltopdf=WKHTMLTOPDF)

SAMPLE_INVOICE = {
    "number": "INV-0042",
    "customer": "ACME Corp",
    "lines": [
        {"description": "Consulting", "amount": "1200.00"},
        {"description": "Support plan", "amount": "300.00"},
    ],
    "total": "1500.00",
}


def pdf_response(data, filename):
    resp = make_response(data)
    resp.headers["Content-Type"] = "application/pdf"
    resp.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return resp


@app.post("/templates/preview")
def preview_template():
    if "template" not in request.form:
        abort(400)
    html = render_template_string(request.form["template"], invoice=SAMPLE_INVOICE)  # VULN
    return jsonify({"html": html})


@app.post("/snapshots")
def snapshot():
    if not request.is_json or "url" not in request.json:
        abort(400)
    pdf = pdfkit.from_url(request.json["url"], False, options=PDF_OPTIONS, configuration=PDFKIT_CONFIG)  # VULN
    return pdf_response(pdf, "snapshot.pdf")


if __name__ == "__main__":
    app.run(port=5003)

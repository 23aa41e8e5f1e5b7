"""Invoice export endpoint: renders invoice HTML to PDF with wkhtmltopdf."""
import logging
import os
import subprocess
from datetime import date

from flask import Flask, abort, request, send_file

app = Flask(__name__)
log = logging.getLogger("billing.export")

EXPORT_DIR = os.environ.get("INVOICE_EXPORT_DIR", "/var/lib/billing/exports")
TEMPLATE_URL = "http://127.0.0.1:8000/internal/invoices/{invoice_id}/html"


class ExportJob:
    def __init__(self, invoice_id, customer_label):
        self.invoice_id = invoice_id
        self.customer_label = customer_label
        self.created = date.today().isoformat()

    @property
    def output_name(self):
        return f"{self.created}-{self.customer_label}.pdf"

    def build_command(self):
        src = TEMPLATE_URL.format(invoice_id=self.invoice_id)
        dest = os.path.join(EXPORT_DIR, self.output_name)
        cmd = f"wkhtmltopdf --quiet --page-size A4 {src} {dest}"
        return cmd, dest


def run_export(job):
    cmd, dest = job.build_command()
    log.info("exporting invoice %r as %r", job.invoice_id, job.output_name)
    subprocess.run(cmd, shell=True, check=True, timeout=120)  # VULN flow
    return dest


def clean_label(raw):
    # keep the label usable as a file name component
    return raw.strip().replace("/", "-").replace("\\", "-")[:64]


@app.route("/invoices/<int:invoice_id>/export", methods=["POST"])
def export_invoice(invoice_id):
    label = clean_label(request.form.get("label", "invoice"))
    if not label or label.startswith("."):
        abort(400)
    job = ExportJob(invoice_id, label)
    try:
        path = run_export(job)
    except subprocess.CalledProcessError:
        log.exception("wkhtmltopdf failed for invoice %r", invoice_id)
        abort(500)
    return send_file(path, mimetype="application/pdf", as_attachment=True)

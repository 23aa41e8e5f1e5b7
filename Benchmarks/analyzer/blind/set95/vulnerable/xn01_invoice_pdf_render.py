"""Render customer invoices to PDF using wkhtmltopdf.

The HTML itself is served by the internal templating service; this module
only drives the converter and hands back the resulting file name.
"""
import logging
import os
from pathlib import Path

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("billing.pdf")

RENDER_ROOT = Path(os.environ.get("INVOICE_RENDER_ROOT", "/var/lib/billing/render"))
WKHTML = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
HTML_BASE = os.environ.get("INVOICE_HTML_BASE", "http://127.0.0.1:8081/invoices")
PAPER_SIZES = ("A4", "Letter", "Legal")


class RenderJob:
    def __init__(self, tenant: str, invoice_no: str, paper: str = "A4"):
        self.tenant = tenant
        self.invoice_no = invoice_no
        self.paper = paper if paper in PAPER_SIZES else "A4"

    @property
    def source_url(self) -> str:
        return f"{HTML_BASE}/{self.tenant}/{self.invoice_no}.html"

    @property
    def target(self) -> Path:
        return RENDER_ROOT / self.tenant / f"invoice-{self.invoice_no}.pdf"

    def command(self) -> str:
        parts = [WKHTML, "--quiet", "--page-size", self.paper, self.source_url, str(self.target)]
        return " ".join(parts)


def run_render(job: RenderJob) -> int:
    job.target.parent.mkdir(parents=True, exist_ok=True)
    cmd = job.command()
    log.debug("render command prepared for %r", job.invoice_no)
    return os.system(cmd)  # VULN flow


@app.route("/api/<tenant>/invoices/render", methods=["POST"])
def render_invoice(tenant):
    payload = request.get_json(silent=True) or {}
    invoice_no = str(payload.get("invoice_no", "")).strip()
    if not invoice_no:
        abort(400, "invoice_no required")

    job = RenderJob(tenant, invoice_no, paper=payload.get("paper", "A4"))
    rc = run_render(job)
    if rc != 0:
        log.error("wkhtmltopdf failed for %r (rc=%s)", invoice_no, rc)
        return jsonify({"status": "failed"}), 502
    return jsonify({"status": "ok", "file": job.target.name})


@app.route("/api/<tenant>/invoices/health")
def health(tenant):
    return jsonify({"converter": os.path.exists(WKHTML), "tenant": tenant})

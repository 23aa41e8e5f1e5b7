"""Folio export endpoint for the front-desk PMS.

Renders a guest folio (already produced as HTML by the billing job) to PDF
with wkhtmltopdf so the night auditor can email it to the guest.
"""
import logging
import os
import subprocess
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("pms.folio")

EXPORT_DIR = os.environ.get("FOLIO_EXPORT_DIR", "/var/lib/pms/folios")
WKHTMLTOPDF = os.environ.get("WKHTMLTOPDF_BIN", "/usr/local/bin/wkhtmltopdf")
PAPER_SIZES = {"A3", "A4", "A5", "Letter", "Legal"}


@dataclass
class ExportJob:
    folio_id: int
    paper_size: str
    title: str

    @property
    def html_path(self) -> str:
        return os.path.join(EXPORT_DIR, f"folio_{self.folio_id}.html")

    @property
    def pdf_path(self) -> str:
        return os.path.join(EXPORT_DIR, f"folio_{self.folio_id}.pdf")


def _build_command(job: ExportJob) -> list:
    return [
        WKHTMLTOPDF,
        "--quiet",
        "--page-size", job.paper_size,
        "--title", job.title,
        job.html_path,
        job.pdf_path,
    ]


def render_pdf(job: ExportJob) -> str:
    cmd = _build_command(job)
    log.info("running pdf export for folio %s", job.folio_id)
    proc = subprocess.run(cmd, capture_output=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace"))
    return job.pdf_path


@app.route("/folios/<int:folio_id>/pdf", methods=["POST"])
def export_folio(folio_id: int):
    payload = request.get_json(silent=True) or {}
    job = ExportJob(
        folio_id=folio_id,
        paper_size=payload.get("paper_size", "A4"),
        title=str(payload.get("title", f"Folio {folio_id}"))[:120],
    )
    if job.paper_size not in PAPER_SIZES:
        abort(400)
    if not os.path.exists(job.html_path):
        abort(404)
    try:
        path = render_pdf(job)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        log.error("folio export failed for %s: %s", folio_id, exc)
        return jsonify({"error": "export failed"}), 500
    return send_file(path, mimetype="application/pdf",
                     download_name=f"folio_{folio_id}.pdf")

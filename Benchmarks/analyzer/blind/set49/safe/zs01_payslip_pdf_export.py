"""Payslip PDF export endpoint for the HR self-service portal.

The HTML payslip is rendered by the internal render service; this module
turns it into a PDF with wkhtmltopdf and streams it back to the employee.
"""
import logging
import os
import re
import subprocess
from dataclasses import dataclass

from flask import Flask, abort, request, send_file

app = Flask(__name__)
log = logging.getLogger("payslip_export")

EXPORT_DIR = os.environ.get("PAYSLIP_EXPORT_DIR", "/var/lib/hrportal/exports")
RENDER_BASE = os.environ.get("PAYSLIP_RENDER_BASE", "http://127.0.0.1:8081/render/payslip")
PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PAPER_SIZES = {"A4", "A5", "Letter", "Legal"}
ORIENTATIONS = {"Portrait", "Landscape"}


@dataclass
class ExportJob:
    employee_id: str
    period: str
    paper: str = "A4"
    orientation: str = "Portrait"

    @property
    def output_name(self) -> str:
        return f"payslip_{self.employee_id}_{self.period}.pdf"

    def source_url(self) -> str:
        return f"{RENDER_BASE}/{self.employee_id}?period={self.period}"


def build_command(job: ExportJob, out_path: str) -> list:
    return [
        "wkhtmltopdf",
        "--quiet",
        "--page-size", job.paper,
        "--orientation", job.orientation,
        job.source_url(),
        out_path,
    ]


def render_pdf(job: ExportJob) -> str:
    os.makedirs(EXPORT_DIR, exist_ok=True)
    out_path = os.path.join(EXPORT_DIR, job.output_name)
    cmd = build_command(job, out_path)
    log.info("rendering payslip for employee %s", job.employee_id)
    proc = subprocess.run(cmd, capture_output=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace"))
    return out_path


@app.route("/payslips/<employee_id>/pdf")
def export_payslip(employee_id: str):
    period = request.args.get("period", "")
    if not employee_id.isdigit() or not PERIOD_RE.match(period):
        abort(400)
    job = ExportJob(
        employee_id=employee_id,
        period=period,
        paper=request.args.get("paper", "A4"),
        orientation=request.args.get("orientation", "Portrait"),
    )
    if job.paper not in PAPER_SIZES or job.orientation not in ORIENTATIONS:
        abort(400)
    try:
        path = render_pdf(job)
    except (RuntimeError, subprocess.TimeoutExpired):
        log.exception("payslip render failed")
        abort(500)
    return send_file(path, mimetype="application/pdf", as_attachment=True)

"""Internal reporting service: renders HTML reports and converts them to PDF."""
import html
import logging
import os
import subprocess
import uuid

from flask import Blueprint, current_app, jsonify, request, send_file

bp = Blueprint("reports", __name__, url_prefix="/reports")
log = logging.getLogger(__name__)

REPORT_DIR = os.environ.get("REPORT_DIR", "/var/lib/reports")
ORIENTATIONS = ("Portrait", "Landscape")


class ReportJob:
    def __init__(self, title, rows, orientation="Portrait"):
        self.job_id = uuid.uuid4().hex
        self.title = title
        self.rows = rows
        self.orientation = orientation if orientation in ORIENTATIONS else "Portrait"

    @property
    def html_path(self):
        return os.path.join(REPORT_DIR, f"{self.job_id}.html")

    @property
    def pdf_path(self):
        return os.path.join(REPORT_DIR, f"{self.job_id}.pdf")

    def write_html(self):
        cells = "".join(
            "<tr><td>{}</td><td>{}</td></tr>".format(
                html.escape(str(r.get("name", ""))), html.escape(str(r.get("value", "")))
            )
            for r in self.rows
        )
        with open(self.html_path, "w", encoding="utf-8") as fh:
            fh.write(
                f"<html><body><h1>{html.escape(self.title)}</h1>"
                f"<table>{cells}</table></body></html>"
            )


def convert_to_pdf(job):
    # argv list, no shell: the title is passed as a single argument value
    cmd = [
        "wkhtmltopdf", "--quiet", "--orientation", job.orientation,
        "--title", job.title, job.html_path, job.pdf_path,
    ]
    log.info("converting report %r", job.job_id)
    subprocess.run(cmd, check=True, timeout=120)
    return job.pdf_path


@bp.route("", methods=["POST"])
def create_report():
    payload = request.get_json(force=True) or {}
    job = ReportJob(
        str(payload.get("title", "Untitled")),
        payload.get("rows", []),
        payload.get("orientation", "Portrait"),
    )
    job.write_html()
    try:
        pdf = convert_to_pdf(job)
    except subprocess.CalledProcessError:
        current_app.logger.exception("wkhtmltopdf failed for job %r", job.job_id)
        return jsonify(error="conversion failed"), 500
    finally:
        if os.path.exists(job.html_path):
            os.remove(job.html_path)
    return send_file(pdf, mimetype="application/pdf", download_name="report.pdf")

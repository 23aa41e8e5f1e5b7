"""Export monthly sales reports as PDF via wkhtmltopdf."""
import os
import re
import subprocess
from datetime import date

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/reports")
RENDER_URL = "http://127.0.0.1:8000/internal/reports/{month}"
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _output_path(month):
    return os.path.join(REPORT_DIR, f"sales-{month}.pdf")


@app.route("/reports/export", methods=["POST"])
def export_report():
    month = request.form.get("month", date.today().strftime("%Y-%m"))
    if not MONTH_RE.match(month):
        abort(400, "month must look like YYYY-MM")
    title = request.form.get("title", "Monthly sales")[:100]
    out = _output_path(month)
    cmd = ["wkhtmltopdf", "--quiet", "--title", title, RENDER_URL.format(month=month), out]
    rc = subprocess.call(cmd)
    if rc != 0:
        abort(500, "report generation failed")
    return {"status": "ok", "file": os.path.basename(out)}


@app.route("/reports/download")
def download_report():
    # send_from_directory refuses paths that escape REPORT_DIR
    return send_from_directory(REPORT_DIR, request.args.get("file", ""), as_attachment=True)


@app.route("/reports")
def list_reports():
    files = sorted(f for f in os.listdir(REPORT_DIR) if f.endswith(".pdf"))
    return {"reports": files}


if __name__ == "__main__":
    app.run()

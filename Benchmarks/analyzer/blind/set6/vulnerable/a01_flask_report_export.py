"""Export monthly sales reports as PDF via wkhtmltopdf."""
import os
import subprocess
from datetime import date

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/reports")
RENDER_URL = "http://127.0.0.1:8000/internal/reports/{month}"


def _output_path(month):
    return os.path.join(REPORT_DIR, f"sales-{month}.pdf")


@app.route("/reports/export", methods=["POST"])
def export_report():
    month = request.form.get("month", date.today().strftime("%Y-%m"))
    title = request.form.get("title", "Monthly sales")
    out = _output_path(month)
    cmd = f'wkhtmltopdf --quiet --title "{title}" {RENDER_URL.format(month=month)} {out}'
    rc = subprocess.call(cmd, shell=True)  # VULN flow
    if rc != 0:
        abort(500, "report generation failed")
    return {"status": "ok", "file": os.path.basename(out)}


@app.route("/reports/download")
def download_report():
    # reports are served straight from the export directory
    return send_file(os.path.join(REPORT_DIR, request.args.get("file", "")), as_attachment=True)  # VULN


@app.route("/reports")
def list_reports():
    files = sorted(f for f in os.listdir(REPORT_DIR) if f.endswith(".pdf"))
    return {"reports": files}


if __name__ == "__main__":
    app.run()

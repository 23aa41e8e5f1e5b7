import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORT_DIR = "/srv/app/reports"


@app.route("/reports/download")
def download_report():
    if not (name := request.args.get("file")):
        abort(400)
    path = os.path.join(REPORT_DIR, name)
    if not os.path.exists(path):
        abort(404)
    return send_file(path, as_attachment=True)  # VULN flow


@app.route("/reports")
def list_reports():
    return {"reports": sorted(os.listdir(REPORT_DIR))}

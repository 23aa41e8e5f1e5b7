import os

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
REPORT_DIR = "/srv/app/reports"


@app.route("/reports/download")
def download_report():
    if not (name := request.args.get("file")):
        abort(400)
    return send_from_directory(REPORT_DIR, name, as_attachment=True)


@app.route("/reports")
def list_reports():
    return {"reports": sorted(os.listdir(REPORT_DIR))}

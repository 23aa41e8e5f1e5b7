import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
app.config["REPORT_DIR"] = "/srv/reports"


@app.route("/reports/download")
def download_report():
    name = request.args.get("file")
    if not name:
        abort(400)
    path = os.path.join(app.config["REPORT_DIR"], name)
    return send_file(path, as_attachment=True)  # VULN flow

import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORT_ROOT = "/srv/app/reports"


def report_path(tenant, filename):
    return os.path.join(REPORT_ROOT, tenant, filename)


@app.route("/reports/<tenant>/download")
def download(tenant):
    filename = request.args.get("file")
    if not filename:
        abort(400)
    path = report_path(tenant, filename)
    if not os.path.isfile(path):
        abort(404)
    return send_file(path, as_attachment=True)  # VULN flow

import os

from flask import Flask, abort, request, send_from_directory
from werkzeug.security import safe_join

app = Flask(__name__)
REPORT_ROOT = "/srv/app/reports"


@app.route("/reports/<tenant>/download")
def download(tenant):
    filename = request.args.get("file")
    if not filename:
        abort(400)
    tenant_dir = safe_join(REPORT_ROOT, tenant)
    if tenant_dir is None or not os.path.isdir(tenant_dir):
        abort(404)
    return send_from_directory(tenant_dir, filename, as_attachment=True)

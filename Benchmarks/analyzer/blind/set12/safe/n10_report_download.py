"""Bottle app that serves generated analytics reports to tenant users."""
import logging
import mimetypes
import os
import re
from datetime import datetime, timezone

from bottle import Bottle, HTTPError, request, response

log = logging.getLogger("reports")

REPORT_ROOT = os.environ.get("REPORT_ROOT", "/srv/analytics/reports")
TENANT_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
app = Bottle()


def current_tenant():
    tenant = request.get_header("X-Tenant-Id")
    if not tenant or not TENANT_RE.match(tenant):
        raise HTTPError(401, "missing tenant")
    return tenant


def report_path(tenant, filename):
    tenant_dir = os.path.realpath(os.path.join(REPORT_ROOT, tenant))
    candidate = os.path.realpath(os.path.join(tenant_dir, filename))
    if os.path.commonpath([tenant_dir, candidate]) != tenant_dir or candidate == tenant_dir:
        raise HTTPError(404, "report not found")
    return candidate


def describe(path):
    st = os.stat(path)
    return {
        "name": os.path.basename(path),
        "size": st.st_size,
        "modified": datetime.fromtimestamp(st.st_mtime, tz=timezone.utc).isoformat(),
    }


@app.get("/reports")
def list_reports():
    tenant = current_tenant()
    tenant_dir = os.path.join(REPORT_ROOT, tenant)
    if not os.path.isdir(tenant_dir):
        return {"reports": []}
    entries = sorted(os.listdir(tenant_dir))
    return {"reports": [describe(os.path.join(tenant_dir, e)) for e in entries]}


@app.get("/reports/download")
def download_report():
    tenant = current_tenant()
    filename = request.query.get("file", "")
    if not filename:
        raise HTTPError(400, "file parameter required")
    path = report_path(tenant, filename)
    if not os.path.isfile(path):
        raise HTTPError(404, "report not found")
    ctype, _ = mimetypes.guess_type(path)
    response.content_type = ctype or "application/octet-stream"
    response.set_header("Content-Disposition", f'attachment; filename="{os.path.basename(path)}"')
    log.info("tenant %s downloading %r", tenant, os.path.basename(path))
    with open(path, "rb") as fh:
        return fh.read()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8081)

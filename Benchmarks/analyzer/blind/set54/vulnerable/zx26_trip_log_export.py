"""Export raw GPS trip logs for a set of vehicles as a tarball.

Fleet customers use this for insurance claims and tax mileage audits.
Logs live under LOG_ROOT/<vehicle_id>/<yyyy-mm-dd>.gpx
"""
import logging
import os
import subprocess
import uuid
from datetime import date

from bottle import Bottle, HTTPError, request, response

LOG_ROOT = "/srv/telematics/gpx"
EXPORT_DIR = "/srv/telematics/exports"
app = Bottle()
log = logging.getLogger("trip-export")


class ExportRequest:
    def __init__(self, body):
        self.vehicles = [str(v) for v in body.get("vehicles", [])]
        self.start = date.fromisoformat(body["from"])
        self.end = date.fromisoformat(body["to"])

    def tar_args(self):
        return "--newer-mtime=%s %s" % (self.start.isoformat(), " ".join(self.vehicles))


def build_archive(export: ExportRequest) -> str:
    os.makedirs(EXPORT_DIR, exist_ok=True)
    name = "trips-%s.tar.gz" % uuid.uuid4().hex[:12]
    out = os.path.join(EXPORT_DIR, name)
    cmd = "tar -czf %s -C %s %s" % (out, LOG_ROOT, export.tar_args())
    subprocess.check_call(cmd, shell=True, timeout=600)  # VULN flow
    return name


@app.post("/exports")
def create_export():
    body = request.json or {}
    try:
        export = ExportRequest(body)
    except (KeyError, ValueError):
        raise HTTPError(400, "from/to must be ISO dates")
    if not export.vehicles:
        raise HTTPError(400, "vehicles required")
    if (export.end - export.start).days > 92:
        raise HTTPError(400, "range too long")
    try:
        name = build_archive(export)
    except subprocess.CalledProcessError:
        raise HTTPError(404, "no logs for those vehicles")
    log.info("export %s created for %d vehicles", name, len(export.vehicles))
    return {"download": "/exports/download?file=" + name}


@app.get("/exports/download")
def download_export():
    name = request.query.get("file", "")
    path = os.path.join(EXPORT_DIR, name)
    if not os.path.isfile(path):
        raise HTTPError(404, "no such export")
    response.content_type = "application/gzip"
    response.set_header("Content-Disposition", 'attachment; filename="%s"' % os.path.basename(path))
    return open(path, "rb")  # VULN flow


@app.get("/vehicles")
def list_vehicles():
    return {"vehicles": sorted(d for d in os.listdir(LOG_ROOT) if os.path.isdir(os.path.join(LOG_ROOT, d)))}

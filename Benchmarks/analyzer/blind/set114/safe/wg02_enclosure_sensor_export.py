"""Download endpoints for enclosure sensor CSV exports (temperature, humidity, lux)."""
import csv
import io
import logging
import os
from datetime import datetime

from flask import Flask, Response, abort, jsonify, request

app = Flask(__name__)
EXPORT_ROOT = os.environ.get("SENSOR_EXPORT_ROOT", "/srv/zoo/sensor-exports")
logger = logging.getLogger(__name__)


class ExportStore:
    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def path_for(self, enclosure: str, filename: str) -> str:
        candidate = os.path.realpath(os.path.join(self.root, enclosure, filename))
        if os.path.commonpath([candidate, self.root]) != self.root:
            abort(404)
        return candidate

    def list(self, enclosure: str) -> list[str]:
        folder = os.path.realpath(os.path.join(self.root, enclosure))
        if os.path.commonpath([folder, self.root]) != self.root or not os.path.isdir(folder):
            return []
        return sorted(f for f in os.listdir(folder) if f.endswith(".csv"))


store = ExportStore(EXPORT_ROOT)


@app.route("/exports/<enclosure>")
def list_exports(enclosure):
    return jsonify(store.list(enclosure))


@app.route("/exports/<enclosure>/download")
def download_export(enclosure):
    filename = request.args.get("file", "")
    if not filename.endswith(".csv"):
        abort(400)
    target = store.path_for(enclosure, filename)
    if not os.path.exists(target):
        abort(404)
    with open(target, "rb") as fh:
        payload = fh.read()
    return Response(
        payload,
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={os.path.basename(target)}"},
    )


@app.route("/exports/<enclosure>/summary")
def summary(enclosure):
    filename = request.args.get("file", "latest.csv")
    rows = []
    with open(store.path_for(enclosure, filename), newline="") as fh:
        for row in csv.DictReader(fh):
            rows.append(row)
    temps = [float(r["temp_c"]) for r in rows if r.get("temp_c")]
    out = io.StringIO()
    out.write(f"generated {datetime.utcnow().isoformat()}\n")
    if temps:
        out.write(f"min={min(temps):.1f} max={max(temps):.1f} n={len(temps)}\n")
    return Response(out.getvalue(), mimetype="text/plain")

"""Download and housekeeping endpoints for generated berth occupancy reports."""
import logging
import os
import re
from datetime import datetime

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("marina.reports")

REPORT_ROOT = os.environ.get("BERTH_REPORT_ROOT", "/srv/marina/reports")
SEASON_RE = re.compile(r"^\d{4}(-\d{4})?$")


class ReportLocator:
    """Maps (season, filename) pairs onto the report store on disk."""

    def __init__(self, root: str):
        self.root = os.path.realpath(root)

    def season_dir(self, season: str) -> str:
        if not SEASON_RE.match(season):
            abort(400, "bad season")
        return os.path.join(self.root, season)

    def path_for(self, season: str, filename: str) -> str:
        folder = self.season_dir(season)
        candidate = os.path.realpath(os.path.join(folder, filename))
        if os.path.commonpath([candidate, folder]) != folder:
            abort(404)
        return candidate

    def listing(self, season: str):
        folder = self.season_dir(season)
        if not os.path.isdir(folder):
            return []
        out = []
        for name in sorted(os.listdir(folder)):
            st = os.stat(os.path.join(folder, name))
            out.append({
                "file": name,
                "size": st.st_size,
                "modified": datetime.fromtimestamp(st.st_mtime).isoformat(),
            })
        return out


locator = ReportLocator(REPORT_ROOT)


@app.route("/reports/<season>")
def list_reports(season):
    return jsonify(locator.listing(season))


@app.route("/reports/<season>/download")
def download_report(season):
    filename = request.args.get("file", "")
    if not filename:
        abort(400, "file parameter required")
    path = locator.path_for(season, filename)
    if not os.path.isfile(path):
        abort(404)
    log.info("serving report %r", os.path.basename(path))
    return send_file(path, as_attachment=True)


@app.route("/reports/<season>/purge", methods=["POST"])
def purge_report(season):
    payload = request.get_json(silent=True) or {}
    removed = []
    for filename in payload.get("files", []):
        target = locator.path_for(season, filename)
        if os.path.exists(target):
            os.remove(target)
            removed.append(filename)
    return jsonify({"removed": removed})


if __name__ == "__main__":
    app.run(port=5012)

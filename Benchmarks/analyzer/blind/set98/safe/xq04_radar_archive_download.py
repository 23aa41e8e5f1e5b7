"""Level-II radar archive browser.

Lets partners list and download archived volume scans per radar site.
"""
import logging
import os
import re
from datetime import datetime, timezone
from typing import Optional

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("radar.archive")

ARCHIVE_ROOT = os.environ.get("RADAR_ARCHIVE_ROOT", "/data/radar/level2")
SITE_RE = re.compile(r"^[A-Z]{4}$")


def site_dir(site: str) -> str:
    site = site.upper()
    if not SITE_RE.match(site):
        abort(400, "bad site identifier")
    return os.path.join(ARCHIVE_ROOT, site)


def resolve_archive_path(site: str, name: str) -> Optional[str]:
    base = os.path.realpath(site_dir(site))
    candidate = os.path.realpath(os.path.join(base, name))
    if os.path.commonpath([base, candidate]) != base:
        return None
    return candidate


def describe(path: str) -> dict:
    st = os.stat(path)
    return {
        "name": os.path.basename(path),
        "bytes": st.st_size,
        "modified": datetime.fromtimestamp(st.st_mtime, tz=timezone.utc).isoformat(),
    }


@app.route("/archive/<site>/files")
def list_site(site):
    base = site_dir(site)
    if not os.path.isdir(base):
        abort(404)
    entries = sorted(os.listdir(base), reverse=True)[:500]
    return jsonify([describe(os.path.join(base, e)) for e in entries])


@app.route("/archive/<site>/download")
def download(site):
    name = request.args.get("file", "")
    if not name:
        abort(400, "file parameter required")

    path = resolve_archive_path(site, name)
    if path is None or not os.path.isfile(path):
        abort(404)

    log.info("archive download site=%s size=%d", site.upper(), os.path.getsize(path))
    return send_file(path, as_attachment=True, download_name=os.path.basename(path))


if __name__ == "__main__":
    app.run(port=8081)

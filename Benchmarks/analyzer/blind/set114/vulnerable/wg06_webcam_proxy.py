"""Proxy for enclosure webcam snapshots shown on the public 'live animals' page.

Cameras sit on the facilities VLAN, so the web tier fetches snapshots on the
visitor's behalf and re-serves them.
"""
import logging
from urllib.parse import urljoin

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)
log = logging.getLogger("webcam_proxy")

CAMERAS = {
    "penguins": {"base": "http://10.20.4.11/", "path": "snapshot.jpg"},
    "otters": {"base": "http://10.20.4.12/", "path": "cgi-bin/snap.cgi"},
    "reef-tank": {"base": "http://10.20.7.30/", "path": "image/jpeg.cgi"},
}
FETCH_TIMEOUT = 4


def resolve_source(cam_id: str, override: str | None) -> str:
    cam = dict(CAMERAS.get(cam_id, {}))
    if override:
        # partners embedding our page sometimes point at their own mirror
        cam["base"] = override
        cam.setdefault("path", "")
    if "base" not in cam:
        abort(404)
    return urljoin(cam["base"], cam["path"])


def fetch_snapshot(url: str) -> requests.Response:
    resp = requests.get(url, timeout=FETCH_TIMEOUT, stream=False)  # VULN flow
    resp.raise_for_status()
    return resp


@app.route("/live/<cam_id>.jpg")
def snapshot(cam_id: str):
    source = resolve_source(cam_id, request.args.get("mirror"))
    try:
        upstream = fetch_snapshot(source)
    except requests.RequestException as exc:
        log.warning("snapshot fetch for %r failed: %s", cam_id, exc)
        abort(502)
    return Response(
        upstream.content,
        mimetype=upstream.headers.get("Content-Type", "image/jpeg"),
        headers={"Cache-Control": "max-age=5"},
    )

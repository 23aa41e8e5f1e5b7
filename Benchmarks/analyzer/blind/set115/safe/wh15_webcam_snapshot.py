"""Snapshot proxy for the summit and harbour webcams shown on the resort site.

Cameras sit on the ops VLAN with certificates from the internal CA, so the
proxy fetches stills server-side and re-serves them with caching headers.
"""
import logging
import os
import time

import requests
from flask import Flask, Response, abort, request

app = Flask(__name__)
log = logging.getLogger("webcams.proxy")

CAMERAS = {
    "summit": "https://10.40.1.21/cgi-bin/snapshot.jpg",
    "base": "https://10.40.1.22/cgi-bin/snapshot.jpg",
    "harbour-east": "https://10.41.0.10/axis-cgi/jpg/image.cgi",
}

session = requests.Session()
session.verify = os.environ.get("WEBCAM_CA_BUNDLE", "/etc/ssl/mountain/ops-ca.pem")
session.headers["User-Agent"] = "resort-webcam-proxy/1.4"

_cache: dict = {}
CACHE_SECONDS = 30


class SnapshotSource:
    def __init__(self, name: str, url: str):
        self.name = name
        self.url = url

    @classmethod
    def from_request(cls, req) -> "SnapshotSource":
        cam = req.args.get("cam", "summit")
        if cam in CAMERAS:
            return cls(cam, CAMERAS[cam])
        # temporary race cameras are added to CAMERAS through config deploys
        abort(404)


def fetch_still(source: SnapshotSource) -> bytes:
    hit = _cache.get(source.url)
    if hit and time.time() - hit[0] < CACHE_SECONDS:
        return hit[1]
    resp = session.get(source.url, timeout=6, stream=False)
    resp.raise_for_status()
    _cache[source.url] = (time.time(), resp.content)
    return resp.content


@app.route("/webcam.jpg")
def webcam():
    source = SnapshotSource.from_request(request)
    try:
        body = fetch_still(source)
    except requests.RequestException as exc:
        log.warning("camera %s unavailable: %s", source.name, type(exc).__name__)
        abort(502)
    return Response(body, mimetype="image/jpeg", headers={"Cache-Control": f"max-age={CACHE_SECONDS}"})


if __name__ == "__main__":
    app.run(port=5060)

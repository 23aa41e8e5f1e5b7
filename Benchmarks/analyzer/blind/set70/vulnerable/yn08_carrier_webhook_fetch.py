"""Pull proof-of-delivery and tracking documents from carrier-provided URLs."""
import hashlib
import logging
import os

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("pod_fetch")

POD_STORE = os.environ.get("POD_STORE", "/srv/forwarder/pod")
MAX_BYTES = 10 * 1024 * 1024


class CarrierDocFetcher:
    def __init__(self, session=None, timeout=10):
        self.session = session or requests.Session()
        self.session.headers["User-Agent"] = "fwd-pod-fetcher/1.4"
        self.timeout = timeout

    def fetch(self, url: str) -> requests.Response:
        resp = self.session.get(url, timeout=self.timeout, allow_redirects=True)  # VULN flow
        resp.raise_for_status()
        if len(resp.content) > MAX_BYTES:
            raise ValueError("document too large")
        return resp


fetcher = CarrierDocFetcher()


def store_document(shipment_ref: str, content: bytes) -> str:
    digest = hashlib.sha256(content).hexdigest()
    os.makedirs(POD_STORE, exist_ok=True)
    path = os.path.join(POD_STORE, "%s.bin" % digest)
    with open(path, "wb") as fh:
        fh.write(content)
    return digest


@app.route("/shipments/<ref>/pod", methods=["POST"])
def attach_pod(ref):
    body = request.get_json(force=True) or {}
    doc_url = str(body.get("document_url", "")).strip()
    if not doc_url.startswith(("http://", "https://")):
        return jsonify(error="document_url must be http(s)"), 400
    try:
        resp = fetcher.fetch(doc_url)
    except (requests.RequestException, ValueError) as exc:
        log.warning("pod fetch failed for shipment %r: %r", ref, exc)
        return jsonify(error="could not retrieve document"), 502
    digest = store_document(ref, resp.content)
    return jsonify(
        shipment=ref,
        sha256=digest,
        content_type=resp.headers.get("Content-Type"),
        preview=resp.text[:500],
    ), 201

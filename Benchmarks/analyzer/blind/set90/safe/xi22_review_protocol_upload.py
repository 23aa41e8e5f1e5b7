"""Upload and activate a document-review protocol for a matter.

Case teams author the protocol in YAML (issue tags, privilege calls,
batching rules) and upload it from the matter settings page.
"""
import logging
import os

import yaml
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("review_protocol")

PROTOCOL_DIR = os.environ.get("PROTOCOL_DIR", "/srv/review/protocols")
REQUIRED_KEYS = {"matter", "issue_tags", "privilege_calls"}
MAX_PROTOCOL_BYTES = 256 * 1024


class ProtocolError(ValueError):
    pass


def parse_protocol(raw: bytes) -> dict:
    if len(raw) > MAX_PROTOCOL_BYTES:
        raise ProtocolError("protocol file too large")
    doc = yaml.safe_load(raw)
    if not isinstance(doc, dict):
        raise ProtocolError("protocol must be a mapping")
    missing = REQUIRED_KEYS - doc.keys()
    if missing:
        raise ProtocolError("missing keys: " + ", ".join(sorted(missing)))
    return doc


def summarize(protocol: dict) -> dict:
    return {
        "matter": protocol["matter"],
        "issue_tags": len(protocol.get("issue_tags") or []),
        "privilege_calls": len(protocol.get("privilege_calls") or []),
        "batch_size": protocol.get("batching", {}).get("size", 500),
    }


@app.post("/matters/<int:matter_id>/protocol")
def upload_protocol(matter_id):
    upload = request.files.get("protocol")
    if upload is None:
        abort(400, "protocol file is required")
    raw = upload.read()
    try:
        protocol = parse_protocol(raw)
    except (ProtocolError, yaml.YAMLError) as exc:
        log.info("protocol rejected for matter %s: %s", matter_id, type(exc).__name__)
        return jsonify(error=str(exc)), 400

    path = os.path.join(PROTOCOL_DIR, f"{matter_id}.yaml")
    with open(path, "wb") as fh:
        fh.write(raw)
    log.info("activated review protocol for matter %s", matter_id)
    return jsonify(status="active", summary=summarize(protocol))

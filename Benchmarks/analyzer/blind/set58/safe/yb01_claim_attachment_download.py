"""Serve claim attachments uploaded by policyholders and field adjusters."""
import logging
import os
from dataclasses import dataclass

from flask import Flask, abort, jsonify, request, send_file

app = Flask(__name__)
log = logging.getLogger("claims.attachments")


@dataclass
class StorageConfig:
    root: str = os.environ.get("CLAIMS_ATTACHMENT_ROOT", "/srv/claims/attachments")
    max_listing: int = 200


CONFIG = StorageConfig()


def claim_dir(claim_id: str) -> str:
    return os.path.join(CONFIG.root, claim_id)


def resolve_attachment(claim_id: str, filename: str) -> str:
    base = os.path.realpath(claim_dir(claim_id))
    candidate = os.path.realpath(os.path.join(base, filename))
    if os.path.commonpath([base, candidate]) != base:
        raise ValueError("attachment outside claim directory")
    return candidate


@app.route("/claims/<claim_id>/attachments")
def list_attachments(claim_id):
    if not claim_id.isdigit():
        abort(400)
    base = claim_dir(claim_id)
    if not os.path.isdir(base):
        return jsonify([])
    names = sorted(os.listdir(base))[: CONFIG.max_listing]
    return jsonify(names)


@app.route("/claims/<claim_id>/attachments/download")
def download_attachment(claim_id):
    if not claim_id.isdigit():
        abort(400)
    filename = request.args.get("name", "")
    if not filename:
        abort(400)
    try:
        path = resolve_attachment(claim_id, filename)
    except ValueError:
        log.warning("rejected attachment name %r for claim %s", filename, claim_id)
        abort(404)
    if not os.path.isfile(path):
        log.info("attachment missing for claim %s: %r", claim_id, filename)
        abort(404)
    log.info("serving attachment %r for claim %s", filename, claim_id)
    return send_file(path, as_attachment=True)


if __name__ == "__main__":
    app.run(port=5010)

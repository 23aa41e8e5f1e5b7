"""Receiver for repository hosting webhooks; keeps an audit trail and schedules CI."""
import hashlib
import hmac
import logging
import os

from flask import Blueprint, abort, jsonify, request

from .ci import schedule_build

audit = logging.getLogger("audit.webhooks")
bp = Blueprint("hooks", __name__)

WEBHOOK_SECRET = os.environ["REPO_WEBHOOK_SECRET"].encode("utf-8")


def verify_signature(body, header):
    if not header or not header.startswith("sha256="):
        return False
    expected = hmac.new(WEBHOOK_SECRET, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.split("=", 1)[1])


def describe(payload):
    actor = payload.get("sender", {}).get("login", "unknown")
    repo = payload.get("repository", {}).get("full_name", "unknown")
    head = payload.get("head_commit") or {}
    return actor, repo, head.get("message", "")


def record(event, delivery, payload):
    actor, repo, message = describe(payload)
    audit.info("delivery=%r event=%r actor=%r repo=%r head=%r", delivery, event, actor, repo, message)


def handle_push(payload):
    ref = payload.get("ref", "")
    if not ref.startswith("refs/heads/") or payload.get("deleted"):
        return None
    branch = ref[len("refs/heads/"):]
    return schedule_build(payload["repository"]["full_name"], branch, payload.get("after"))


@bp.route("/hooks/repo", methods=["POST"])
def receive():
    body = request.get_data()
    if not verify_signature(body, request.headers.get("X-Hub-Signature-256")):
        abort(401)
    event = request.headers.get("X-GitHub-Event", "unknown")
    delivery = request.headers.get("X-GitHub-Delivery", "-")
    payload = request.get_json(silent=True) or {}
    record(event, delivery, payload)
    build_id = handle_push(payload) if event == "push" else None
    return jsonify({"received": True, "build": build_id})

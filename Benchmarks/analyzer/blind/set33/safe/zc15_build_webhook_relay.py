"""Cloud Function that relays build notifications to customer-configured callbacks."""
import hashlib
import hmac
import json
import logging
import os
import time

import functions_framework
import requests
from flask import jsonify

SIGNING_KEY = os.environ["RELAY_SIGNING_KEY"].encode()
INGEST_TOKEN = os.environ["RELAY_INGEST_TOKEN"]
REGISTERED_CALLBACKS = json.loads(os.environ.get("RELAY_CALLBACKS", "{}"))
logger = logging.getLogger("relay")

session = requests.Session()
session.headers.update({"User-Agent": "build-relay/2.3"})
session.verify = os.environ.get("RELAY_CA_BUNDLE", True)


def sign(body: bytes, timestamp: str) -> str:
    return hmac.new(SIGNING_KEY, timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def deliver(target: str, payload: dict) -> int:
    body = json.dumps(payload, separators=(",", ":")).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "X-Relay-Timestamp": timestamp,
        "X-Relay-Signature": sign(body, timestamp),
    }
    response = session.post(target, data=body, headers=headers, timeout=5, allow_redirects=False)
    return response.status_code


@functions_framework.http
def relay(request):
    supplied = request.headers.get("Authorization", "").removeprefix("Bearer ")
    if not hmac.compare_digest(supplied, INGEST_TOKEN):
        return jsonify({"error": "unauthorized"}), 401
    event = request.get_json(silent=True) or {}
    target = REGISTERED_CALLBACKS.get(str(event.get("subscription_id", "")), "")
    if not target.startswith("https://"):
        return jsonify({"error": "unknown subscription"}), 400
    payload = {
        "build_id": event.get("build_id"),
        "status": event.get("status"),
        "commit": event.get("commit"),
        "finished_at": event.get("finished_at"),
    }
    try:
        status = deliver(target, payload)
    except requests.RequestException:
        logger.warning("delivery failed for build %r", payload["build_id"])
        return jsonify({"delivered": False}), 502
    return jsonify({"delivered": 200 <= status < 300, "upstream_status": status})

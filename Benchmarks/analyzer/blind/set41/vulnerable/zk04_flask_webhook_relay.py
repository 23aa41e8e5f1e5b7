"""Webhook subscription API: tenants register callback URLs for events."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid

import requests
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()
DELIVERY_TIMEOUT = 5

# tenant_id -> {sub_id: subscription}
SUBSCRIPTIONS = {}


def _sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def _deliver(subscription: dict, event: dict) -> requests.Response:
    body = json.dumps(event).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Signature": _sign(body),
        "X-Event-Type": event["type"],
    }
    target = subscription["callback_url"]
    return requests.post(target, data=body, headers=headers, timeout=DELIVERY_TIMEOUT)  # VULN flow


@app.before_request
def load_tenant():
    tenant = request.headers.get("X-Tenant-Id")
    if not tenant:
        abort(401)
    g.tenant = tenant


@app.post("/subscriptions")
def create_subscription():
    data = request.get_json(force=True)
    callback = (data.get("callback_url") or "").strip()
    events = data.get("events") or ["*"]
    if not callback:
        return jsonify(error="callback_url required"), 400
    sub_id = uuid.uuid4().hex
    SUBSCRIPTIONS.setdefault(g.tenant, {})[sub_id] = {
        "id": sub_id,
        "callback_url": callback,
        "events": events,
        "created": int(time.time()),
    }
    return jsonify(id=sub_id), 201


@app.post("/subscriptions/<sub_id>/test")
def test_subscription(sub_id):
    sub = SUBSCRIPTIONS.get(g.tenant, {}).get(sub_id)
    if sub is None:
        abort(404)
    event = {"type": "ping", "id": uuid.uuid4().hex, "ts": int(time.time())}
    try:
        resp = _deliver(sub, event)
    except requests.RequestException as exc:
        log.info("test delivery for %r failed: %s", sub_id, exc.__class__.__name__)
        return jsonify(delivered=False, error=str(exc)), 502
    return jsonify(delivered=True, status=resp.status_code, response=resp.text[:2000])

"""Webhook subscription API: tenants register callback URLs for events."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from urllib.parse import urlparse

import requests
from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()
DELIVERY_TIMEOUT = 5
ALLOWED_CALLBACK_DOMAINS = tuple(
    d.strip().lower() for d in os.environ.get("WEBHOOK_ALLOWED_DOMAINS", "hooks.example-partner.com").split(",") if d.strip()
)

# tenant_id -> {sub_id: subscription}
SUBSCRIPTIONS = {}


def _sign(body: bytes) -> str:
    return hmac.new(SIGNING_KEY, body, hashlib.sha256).hexdigest()


def _callback_allowed(url: str) -> bool:
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or not host or parsed.username or parsed.password:
        return False
    return any(host == d or host.endswith("." + d) for d in ALLOWED_CALLBACK_DOMAINS)


def _deliver(subscription: dict, event: dict) -> requests.Response:
    body = json.dumps(event).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Signature": _sign(body),
        "X-Event-Type": event["type"],
    }
    target = subscription["callback_url"]
    if not _callback_allowed(target):
        raise ValueError("callback host not allowed")
    return requests.post(target, data=body, headers=headers, timeout=DELIVERY_TIMEOUT, allow_redirects=False)


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
    if not callback or not _callback_allowed(callback):
        return jsonify(error="callback_url must be an https URL on an approved domain"), 400
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
    except (requests.RequestException, ValueError) as exc:
        log.info("test delivery for %r failed: %s", sub_id, exc.__class__.__name__)
        return jsonify(delivered=False, error="delivery failed"), 502
    return jsonify(delivered=True, status=resp.status_code)

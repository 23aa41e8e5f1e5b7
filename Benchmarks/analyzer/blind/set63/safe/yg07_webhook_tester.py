"""Partner webhook registration and test delivery for the ticketing platform."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from urllib.parse import urlsplit

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")

WEBHOOK_SIGNING_KEY = os.environ["WEBHOOK_SIGNING_KEY"].encode()
SUPPORTED_EVENTS = {"ticket.sold", "ticket.refunded", "event.cancelled"}
# Partner domains are onboarded manually by the integrations team.
ALLOWED_HOST_SUFFIXES = tuple(
    s.strip().lower() for s in os.environ.get("WEBHOOK_ALLOWED_DOMAINS", "").split(",") if s.strip()
)


def is_allowed_target(url: str) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return False
    return any(host == s or host.endswith("." + s) for s in ALLOWED_HOST_SUFFIXES)


class WebhookRegistry:
    def __init__(self):
        self._hooks = {}

    def register(self, partner_id: str, url: str, events: list) -> dict:
        hook = {"id": uuid.uuid4().hex, "partner": partner_id, "url": url, "events": events}
        self._hooks[hook["id"]] = hook
        return hook

    def get(self, hook_id: str):
        return self._hooks.get(hook_id)


registry = WebhookRegistry()


def sign(payload: bytes) -> str:
    return hmac.new(WEBHOOK_SIGNING_KEY, payload, hashlib.sha256).hexdigest()


def deliver(hook: dict, event: str, data: dict):
    payload = json.dumps({"event": event, "data": data, "sent_at": int(time.time())}).encode()
    headers = {"Content-Type": "application/json", "X-Signature": sign(payload)}
    target = hook["url"]
    if not is_allowed_target(target):
        raise ValueError("webhook target not allowed")
    resp = requests.post(target, data=payload, headers=headers, timeout=5, allow_redirects=False)
    return resp.status_code, resp.text[:500]


@app.post("/partners/<partner_id>/webhooks")
def create_hook(partner_id):
    body = request.get_json(force=True) or {}
    url = str(body.get("url", ""))
    if not is_allowed_target(url):
        return jsonify(error="url must be https on a registered partner domain"), 400
    events = [e for e in body.get("events", ["ticket.sold"]) if e in SUPPORTED_EVENTS]
    hook = registry.register(partner_id, url, events)
    log.info("partner %r registered hook %s", partner_id, hook["id"])
    return jsonify(hook), 201


@app.post("/webhooks/<hook_id>/test")
def test_hook(hook_id):
    hook = registry.get(hook_id)
    if hook is None:
        return jsonify(error="unknown hook"), 404
    sample = {"ticket_id": "TEST-0001", "event_id": 42, "price": "35.00"}
    try:
        status, body = deliver(hook, "ticket.sold", sample)
    except (requests.RequestException, ValueError) as exc:
        return jsonify(ok=False, error=str(exc)), 502
    return jsonify(ok=200 <= status < 300, status=status, response=body)

"""Tenant webhook settings: send a signed test delivery to a configured URL."""
import hashlib
import hmac
import json
import logging
import os
import time

import requests
from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("webhooks")
SIGNING_SECRET = os.environ["WEBHOOK_SIGNING_SECRET"].encode()

SAMPLE_EVENT = {
    "type": "invoice.paid",
    "data": {"invoice_no": "INV-0001", "amount": "120.00", "currency": "EUR"},
}


class WebhookEndpoint:
    def __init__(self, url, events=None):
        self.url = url
        self.events = events or ["invoice.paid"]


def sign(body: bytes, ts: int) -> str:
    mac = hmac.new(SIGNING_SECRET, f"{ts}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def deliver(endpoint: WebhookEndpoint, event: dict):
    body = json.dumps(event).encode()
    ts = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "X-Ledger-Signature": f"t={ts},v1={sign(body, ts)}",
    }
    resp = requests.post(endpoint.url, data=body, headers=headers, timeout=10)  # VULN flow
    return resp.status_code, resp.text[:2000]


@app.route("/settings/webhooks/test", methods=["POST"])
def test_webhook():
    cfg = request.get_json(force=True) or {}
    endpoint = WebhookEndpoint(cfg.get("url", ""), cfg.get("events"))
    if not endpoint.url:
        return jsonify({"ok": False, "error": "url required"}), 400
    try:
        status, text = deliver(endpoint, SAMPLE_EVENT)
    except requests.RequestException as exc:
        log.info("test delivery failed: %r", str(exc))
        return jsonify({"ok": False, "error": str(exc)}), 502
    return jsonify({"ok": 200 <= status < 300, "status": status, "response": text})

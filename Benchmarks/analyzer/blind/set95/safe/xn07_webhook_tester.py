"""Tenant webhook settings: send a signed test delivery to a configured URL."""
import hashlib
import hmac
import ipaddress
import json
import logging
import os
import socket
import time
from urllib.parse import urlparse

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


def check_public_https(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname or parsed.port not in (None, 443):
        raise ValueError("webhook URL must be https on port 443")
    for info in socket.getaddrinfo(parsed.hostname, 443, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise ValueError("webhook URL must resolve to a public address")


def sign(body: bytes, ts: int) -> str:
    mac = hmac.new(SIGNING_SECRET, f"{ts}.".encode() + body, hashlib.sha256)
    return mac.hexdigest()


def deliver(endpoint: WebhookEndpoint, event: dict):
    check_public_https(endpoint.url)
    body = json.dumps(event).encode()
    ts = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "X-Ledger-Signature": f"t={ts},v1={sign(body, ts)}",
    }
    resp = requests.post(endpoint.url, data=body, headers=headers, timeout=10, allow_redirects=False)
    return resp.status_code, resp.text[:2000]


@app.route("/settings/webhooks/test", methods=["POST"])
def test_webhook():
    cfg = request.get_json(force=True) or {}
    endpoint = WebhookEndpoint(cfg.get("url", ""), cfg.get("events"))
    if not endpoint.url:
        return jsonify({"ok": False, "error": "url required"}), 400
    try:
        status, text = deliver(endpoint, SAMPLE_EVENT)
    except (ValueError, socket.gaierror) as exc:
        return jsonify({"ok": False, "error": str(exc)}), 400
    except requests.RequestException as exc:
        log.info("test delivery failed: %r", str(exc))
        return jsonify({"ok": False, "error": str(exc)}), 502
    return jsonify({"ok": 200 <= status < 300, "status": status, "response": text})

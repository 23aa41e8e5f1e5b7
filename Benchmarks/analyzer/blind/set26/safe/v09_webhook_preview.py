"""Integration settings: let admins send a test delivery to a webhook URL."""
import hashlib
import hmac
import json
import os
import time
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["INTEGRATIONS_SECRET_KEY"]

SAMPLE_EVENT = {"type": "order.created", "data": {"id": 1001, "total": "49.90", "currency": "EUR"}}
ALLOWED_WEBHOOK_HOSTS = frozenset({"hooks.slack.com", "hooks.zapier.com", "webhook.office.com"})


class WebhookTargetError(ValueError):
    pass


class WebhookPreviewer:
    def __init__(self, target_url: str, signing_secret: str):
        self.target_url = self._validated(target_url.strip())
        self.signing_secret = signing_secret.encode("utf-8")

    @staticmethod
    def _validated(url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme != "https" or parts.username or parts.password:
            raise WebhookTargetError("webhook must be a plain https URL")
        if parts.hostname not in ALLOWED_WEBHOOK_HOSTS or parts.port not in (None, 443):
            raise WebhookTargetError("webhook host is not an approved integration")
        return url

    def build_payload(self) -> bytes:
        event = dict(SAMPLE_EVENT, sent_at=int(time.time()), test=True)
        return json.dumps(event, separators=(",", ":")).encode("utf-8")

    def signature(self, body: bytes) -> str:
        return hmac.new(self.signing_secret, body, hashlib.sha256).hexdigest()

    def send(self) -> dict:
        body = self.build_payload()
        headers = {"Content-Type": "application/json", "X-Signature": self.signature(body)}
        resp = requests.post(self.target_url, data=body, headers=headers, timeout=5, allow_redirects=False)
        return {
            "status": resp.status_code,
            "elapsed_ms": int(resp.elapsed.total_seconds() * 1000),
            "body_preview": resp.text[:500],
        }


def require_admin():
    if session.get("role") != "admin":
        abort(403)


@app.post("/integrations/webhooks/test")
def test_webhook():
    require_admin()
    payload = request.get_json(silent=True) or {}
    url = payload.get("url", "")
    secret = payload.get("secret", "")
    if not url or not secret:
        abort(400, description="url and secret are required")
    try:
        previewer = WebhookPreviewer(url, secret)
    except WebhookTargetError as exc:
        return jsonify({"ok": False, "error": str(exc)}), 400
    try:
        result = previewer.send()
    except requests.RequestException as exc:
        return jsonify({"ok": False, "error": type(exc).__name__}), 502
    return jsonify({"ok": 200 <= result["status"] < 300, **result})


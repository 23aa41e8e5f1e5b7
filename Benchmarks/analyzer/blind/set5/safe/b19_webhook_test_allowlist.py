from urllib.parse import urlsplit

import httpx
from flask import Flask, jsonify, request

app = Flask(__name__)
ALLOWED_WEBHOOK_HOSTS = {"hooks.slack.com", "discord.com", "events.pagerduty.com"}


def validated_webhook_url(raw):
    parts = urlsplit(raw)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_WEBHOOK_HOSTS or parts.port not in (None, 443):
        raise ValueError("webhook host not allowed")
    return parts.geturl()


@app.route("/integrations/webhook/test", methods=["POST"])
def test_webhook():
    payload = request.get_json(force=True)
    try:
        url = validated_webhook_url(str(payload.get("url", "")))
    except ValueError as exc:
        return jsonify(ok=False, error=str(exc)), 400
    try:
        resp = httpx.post(url, json={"event": "ping"}, timeout=5, follow_redirects=False)
    except httpx.HTTPError as exc:
        return jsonify(ok=False, error=type(exc).__name__), 502
    return jsonify(ok=resp.is_success, status=resp.status_code)

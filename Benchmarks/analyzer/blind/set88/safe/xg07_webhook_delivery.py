"""Outgoing webhooks for chat workspaces: register, test and deliver events."""
import hashlib
import hmac
import json
import logging
import os
import time
import uuid
from urllib.parse import urlsplit

import requests
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("chat.webhooks")

SIGNING_SECRET = os.environ["WEBHOOK_SIGNING_SECRET"].encode()
SUBSCRIPTIONS: dict = {}
ALLOWED_HOSTS = {"hooks.slack.com", "discord.com", "outlook.office.com", "hooks.zapier.com"}


def sign(body: bytes, ts: str) -> str:
    return hmac.new(SIGNING_SECRET, ts.encode() + b"." + body, hashlib.sha256).hexdigest()


def is_allowed_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in ALLOWED_HOSTS and parts.port in (None, 443)


class Deliverer:
    def __init__(self, timeout: float = 5.0):
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "ChatHooks/2.1"
        self.timeout = timeout

    def deliver(self, sub: dict, event: dict):
        body = json.dumps(event).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "X-Hook-Timestamp": ts,
            "X-Hook-Signature": sign(body, ts),
        }
        target = sub["url"]
        if not is_allowed_url(target):
            raise requests.RequestException("destination not allowed")
        resp = self.session.post(target, data=body, headers=headers, timeout=self.timeout, allow_redirects=False)
        return resp.status_code, resp.text[:2000]


deliverer = Deliverer()


@app.post("/workspaces/<ws>/webhooks")
def register(ws):
    data = request.get_json(force=True) or {}
    url = (data.get("url") or "").strip()
    if not is_allowed_url(url):
        abort(400, "url must be https on a supported integration host")
    sub_id = uuid.uuid4().hex
    SUBSCRIPTIONS[sub_id] = {
        "id": sub_id,
        "workspace": ws,
        "url": url,
        "events": data.get("events", ["message.created"]),
    }
    return jsonify(SUBSCRIPTIONS[sub_id]), 201


@app.post("/webhooks/<sub_id>/test")
def test(sub_id):
    sub = SUBSCRIPTIONS.get(sub_id)
    if sub is None:
        abort(404)
    event = {"type": "ping", "workspace": sub["workspace"], "sent_at": time.time()}
    try:
        status, text = deliverer.deliver(sub, event)
    except requests.RequestException as exc:
        return jsonify(ok=False, error=str(exc)), 502
    return jsonify(ok=200 <= status < 300, status=status, response=text)


def fan_out(workspace: str, event: dict) -> int:
    delivered = 0
    for sub in SUBSCRIPTIONS.values():
        if sub["workspace"] != workspace or event["type"] not in sub["events"]:
            continue
        try:
            status, _ = deliverer.deliver(sub, event)
            delivered += status < 300
        except requests.RequestException:
            log.warning("delivery to subscription %s failed", sub["id"])
    return delivered

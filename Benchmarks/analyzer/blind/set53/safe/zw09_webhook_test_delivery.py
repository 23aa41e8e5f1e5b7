"""Tenant webhook settings: register an endpoint and send a test event."""
import hashlib
import hmac
import ipaddress
import json
import logging
import secrets
import socket
import time
import uuid
from urllib.parse import urlparse

import requests
from flask import Blueprint, abort, g, jsonify, request

from admin.auth import tenant_admin_required
from admin.db import db
from admin.models import WebhookEndpoint

bp = Blueprint("webhooks", __name__, url_prefix="/settings/webhooks")
log = logging.getLogger("admin.webhooks")

USER_AGENT = "zw-webhooks/2.3"


class UnsafeDestination(ValueError):
    pass


def _signature(secret: str, body: bytes, ts: str) -> str:
    mac = hmac.new(secret.encode(), f"{ts}.".encode() + body, hashlib.sha256)
    return f"t={ts},v1={mac.hexdigest()}"


def check_destination(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        raise UnsafeDestination("webhook url must be https")
    port = parsed.port or 443
    for info in socket.getaddrinfo(parsed.hostname, port, proto=socket.IPPROTO_TCP):
        addr = ipaddress.ip_address(info[4][0])
        if not addr.is_global:
            raise UnsafeDestination("webhook host resolves to a non-public address")


class WebhookDispatcher:
    def __init__(self, endpoint: WebhookEndpoint):
        self.url = endpoint.url
        self.secret = endpoint.signing_secret

    def deliver(self, event: dict) -> requests.Response:
        check_destination(self.url)
        body = json.dumps(event, separators=(",", ":")).encode()
        ts = str(int(time.time()))
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-ZW-Signature": _signature(self.secret, body, ts),
        }
        return requests.post(self.url, data=body, headers=headers, timeout=5, allow_redirects=False)


@bp.route("", methods=["POST"])
@tenant_admin_required
def save_webhook():
    data = request.get_json(force=True) or {}
    url = str(data.get("url", "")).strip()
    try:
        check_destination(url)
    except (UnsafeDestination, socket.gaierror, ValueError):
        abort(400, "url must be a public https endpoint")
    endpoint = WebhookEndpoint(
        tenant_id=g.tenant.id,
        url=url,
        events=list(data.get("events", ["*"])),
        signing_secret=secrets.token_hex(32),
    )
    db.session.add(endpoint)
    db.session.commit()
    return jsonify({"id": endpoint.id, "signing_secret": endpoint.signing_secret}), 201


@bp.route("/<int:endpoint_id>/test", methods=["POST"])
@tenant_admin_required
def test_webhook(endpoint_id: int):
    endpoint = WebhookEndpoint.query.filter_by(id=endpoint_id, tenant_id=g.tenant.id).first_or_404()
    event = {"id": str(uuid.uuid4()), "type": "webhook.test", "tenant": g.tenant.id, "created": int(time.time())}
    try:
        resp = WebhookDispatcher(endpoint).deliver(event)
    except (UnsafeDestination, socket.gaierror) as exc:
        return jsonify({"ok": False, "error": str(exc)}), 400
    except requests.RequestException:
        return jsonify({"ok": False, "error": "delivery failed"}), 502
    return jsonify({"ok": resp.ok, "status": resp.status_code, "body": resp.text[:2000]})

"""Lets integrators send a test event to a webhook endpoint before saving it."""
import time
import uuid

import requests
from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required

bp = Blueprint("webhooks", __name__, url_prefix="/integrations/webhooks")

EVENT_TYPES = {"ping", "order.created", "order.refunded", "shipment.dispatched"}
SAMPLE_EVENT = {
    "api_version": "2024-03-01",
    "data": {"order_id": "ord_test_0001", "amount": 4200, "currency": "EUR"},
}


def build_probe(event_type, account_id):
    return dict(
        SAMPLE_EVENT,
        id=f"evt_{uuid.uuid4().hex[:16]}",
        type=event_type,
        account=account_id,
        sent_at=int(time.time()),
    )


def deliver(target, payload):
    started = time.monotonic()
    resp = requests.post(target, json=payload, timeout=5, allow_redirects=False)  # VULN flow
    return {
        "status": resp.status_code,
        "elapsed_ms": int((time.monotonic() - started) * 1000),
        "body_preview": resp.text[:500],
    }


@bp.route("/test", methods=["POST"])
@login_required
def test_webhook():
    body = request.get_json(silent=True) or {}
    target = str(body.get("url", "")).strip()
    event_type = body.get("event", "ping")
    if not target:
        return jsonify({"ok": False, "error": "url is required"}), 400
    if event_type not in EVENT_TYPES:
        return jsonify({"ok": False, "error": "unknown event type"}), 400
    try:
        result = deliver(target, build_probe(event_type, current_user.account_id))
    except requests.RequestException:
        return jsonify({"ok": False, "error": "delivery failed"}), 502
    return jsonify({"ok": True, **result})

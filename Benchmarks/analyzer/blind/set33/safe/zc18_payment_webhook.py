"""Webhook receiver for payment provider events (checkout service)."""
import hashlib
import hmac
import json
import logging
import os
import sqlite3
import time

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("payment_webhooks", __name__, url_prefix="/webhooks")
logger = logging.getLogger("checkout.webhooks")

WEBHOOK_SECRET = os.environ["PAYMENT_WEBHOOK_SECRET"]
TOLERANCE_SECONDS = 300
HANDLED_EVENTS = {"payment.succeeded", "payment.failed", "refund.created"}


def expected_signature(payload: bytes, timestamp: str) -> str:
    return hmac.new(WEBHOOK_SECRET.encode(), timestamp.encode() + b"." + payload, hashlib.sha256).hexdigest()


def verify(payload: bytes, header: str) -> bool:
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp, signature = parts["t"], parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    return hmac.compare_digest(expected_signature(payload, timestamp), signature)


def apply_event(event: dict) -> None:
    data = event["data"]
    status = {"payment.succeeded": "paid", "payment.failed": "payment_failed", "refund.created": "refunded"}[event["type"]]
    with sqlite3.connect(current_app.config["ORDERS_DB"]) as conn:
        conn.execute(
            "UPDATE orders SET status = ?, provider_ref = ? WHERE id = ?",
            (status, data["id"], int(data["metadata"]["order_id"])),
        )
        conn.execute(
            "INSERT OR IGNORE INTO processed_events (event_id) VALUES (?)", (event["id"],)
        )


@bp.post("/payments")
def payment_event():
    payload = request.get_data()
    if not verify(payload, request.headers.get("X-Signature", "")):
        return jsonify({"error": "invalid signature"}), 400
    event = json.loads(payload)
    if event.get("type") not in HANDLED_EVENTS:
        return jsonify({"ignored": True}), 200
    try:
        apply_event(event)
    except (KeyError, ValueError):
        logger.warning("malformed event %r", event.get("id"))
        return jsonify({"error": "malformed event"}), 422
    logger.info("processed %r for event %r", event["type"], event["id"])
    return jsonify({"received": True}), 200

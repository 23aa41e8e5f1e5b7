"""Receiver for payment provider webhooks."""
import hashlib
import hmac
import json
import logging
import time
import traceback

from flask import Blueprint, abort, jsonify, request

from .billing import apply_invoice_paid, apply_payment_failed, apply_subscription_cancelled

bp = Blueprint("billing_webhooks", __name__)
logger = logging.getLogger(__name__)

WEBHOOK_SECRET = "whsec_5b1e0c9d7a3f48e2b6c1d9f0a7e3c5b8"  # VULN
TOLERANCE_SECONDS = 300

HANDLERS = {
    "invoice.paid": apply_invoice_paid,
    "invoice.payment_failed": apply_payment_failed,
    "customer.subscription.deleted": apply_subscription_cancelled,
}


def verify_signature(payload, header):
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > TOLERANCE_SECONDS:
        return False
    signed = f"{timestamp}.".encode() + payload
    expected = hmac.new(WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@bp.post("/webhooks/billing")
def billing_webhook():
    payload = request.get_data()
    if not verify_signature(payload, request.headers.get("Stripe-Signature", "")):
        abort(400)
    try:
        event = json.loads(payload)
    except ValueError:
        abort(400)
    handler = HANDLERS.get(event.get("type"))
    if handler is None:
        return jsonify(received=True, handled=False)
    try:
        handler(event["data"]["object"])
    except Exception as exc:
        return jsonify(error=repr(exc), trace=traceback.format_exc()), 500  # VULN
    logger.info("processed billing event %r of type %r", event.get("id"), event.get("type"))
    return jsonify(received=True, handled=True)

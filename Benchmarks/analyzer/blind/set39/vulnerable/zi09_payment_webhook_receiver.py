import base64
import hashlib
import hmac
import json
import logging
import os
import pickle

from flask import Blueprint, abort, jsonify, request

from .orders import OrderService

webhooks = Blueprint("webhooks", __name__, url_prefix="/webhooks")
logger = logging.getLogger(__name__)

HANDLED_EVENTS = {"payment.succeeded", "payment.failed", "refund.completed"}


def encode_cart_context(cart: dict) -> str:
    """Serialised into the checkout session metadata when the customer starts checkout."""
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode()


def decode_cart_context(blob: str) -> dict:
    return pickle.loads(base64.urlsafe_b64decode(blob.encode()))  # VULN flow


def _verify_signature(body: bytes, header: str) -> bool:
    secret = os.environ["PSP_WEBHOOK_SECRET"].encode()
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header or "")


@webhooks.post("/psp")
def psp_webhook():
    body = request.get_data()
    if not _verify_signature(body, request.headers.get("X-PSP-Signature", "")):
        abort(401)
    event = json.loads(body)
    event_type = event.get("type")
    if event_type not in HANDLED_EVENTS:
        return jsonify(ignored=True)
    data = event.get("data", {})
    metadata = data.get("metadata", {})
    cart = decode_cart_context(metadata.get("cart_context", ""))
    service = OrderService.from_app()
    if event_type == "payment.succeeded":
        order = service.create_paid_order(
            cart_items=cart.get("items", []),
            customer_id=cart.get("customer_id"),
            payment_id=data["id"],
            amount_minor=int(data["amount"]),
        )
        logger.info("order created order=%s payment=%r", order.id, data["id"])
    elif event_type == "payment.failed":
        service.release_reservation(cart.get("reservation_id"))
    else:
        service.mark_refunded(data["payment_id"])
    return jsonify(received=True)

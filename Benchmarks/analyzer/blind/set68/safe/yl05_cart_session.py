"""Self-checkout kiosk cart, persisted client-side in a cookie so that
kiosks can fail over between app servers without shared state."""
import base64
import hashlib
import hmac
import json
import logging
import os
from typing import Dict, Optional

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("kiosk.cart")

COOKIE_NAME = "kiosk_cart"
COOKIE_KEY = os.environ["KIOSK_CART_KEY"].encode("utf-8")
MAX_QTY = 99


class Cart:
    def __init__(self, items: Optional[Dict[str, int]] = None, member_id: Optional[str] = None):
        self.items = items or {}
        self.member_id = member_id

    def add(self, sku: str, qty: int) -> None:
        self.items[sku] = min(self.items.get(sku, 0) + qty, MAX_QTY)

    def remove(self, sku: str) -> None:
        self.items.pop(sku, None)

    def count(self) -> int:
        return sum(self.items.values())


def _sign(payload: bytes) -> str:
    return hmac.new(COOKIE_KEY, payload, hashlib.sha256).hexdigest()


def load_cart(raw: Optional[str]) -> Cart:
    if not raw:
        return Cart()
    try:
        encoded, sig = raw.rsplit(".", 1)
        blob = base64.urlsafe_b64decode(encoded.encode("ascii"))
        if not hmac.compare_digest(_sign(blob), sig):
            raise ValueError("bad signature")
        data = json.loads(blob)
        items = {str(k): max(0, min(int(v), MAX_QTY)) for k, v in data.get("items", {}).items()}
        return Cart(items=items, member_id=data.get("member_id"))
    except Exception:
        log.warning("discarding unreadable cart cookie")
        return Cart()


def dump_cart(cart: Cart) -> str:
    blob = json.dumps({"items": cart.items, "member_id": cart.member_id}).encode("utf-8")
    return base64.urlsafe_b64encode(blob).decode("ascii") + "." + _sign(blob)


def _respond(cart: Cart):
    resp = make_response(jsonify(items=cart.items, count=cart.count()))
    resp.set_cookie(COOKIE_NAME, dump_cart(cart), httponly=True, samesite="Strict")
    return resp


@app.route("/cart", methods=["GET"])
def show_cart():
    return _respond(load_cart(request.cookies.get(COOKIE_NAME)))


@app.route("/cart/items", methods=["POST"])
def add_item():
    payload = request.get_json(silent=True) or {}
    sku = str(payload.get("sku", "")).strip()
    qty = int(payload.get("qty", 1))
    if not sku or qty < 1:
        return jsonify(error="sku and positive qty required"), 400
    cart = load_cart(request.cookies.get(COOKIE_NAME))
    cart.add(sku, qty)
    return _respond(cart)


@app.route("/cart/items/<sku>", methods=["DELETE"])
def remove_item(sku):
    cart = load_cart(request.cookies.get(COOKIE_NAME))
    cart.remove(sku)
    return _respond(cart)

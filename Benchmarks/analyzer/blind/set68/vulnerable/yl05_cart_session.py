"""Self-checkout kiosk cart, persisted client-side in a cookie so that
kiosks can fail over between app servers without shared state."""
import base64
import logging
import pickle
from typing import Dict, Optional

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("kiosk.cart")

COOKIE_NAME = "kiosk_cart"
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


def load_cart(raw: Optional[str]) -> Cart:
    if not raw:
        return Cart()
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        return pickle.loads(blob)  # VULN flow
    except Exception:
        log.warning("discarding unreadable cart cookie")
        return Cart()


def dump_cart(cart: Cart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode("ascii")


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

"""Shopping cart persisted in a client-side cookie between visits."""
import base64
import binascii
import pickle
from dataclasses import dataclass, field
from typing import Optional

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
COOKIE_NAME = "cart"
MAX_ITEMS = 50


@dataclass
class Cart:
    items: dict = field(default_factory=dict)

    def add(self, sku: str, qty: int) -> None:
        if len(self.items) >= MAX_ITEMS and sku not in self.items:
            raise ValueError("cart is full")
        self.items[sku] = self.items.get(sku, 0) + qty

    def remove(self, sku: str) -> None:
        self.items.pop(sku, None)

    def total_quantity(self) -> int:
        return sum(self.items.values())


def decode_cart(raw: Optional[str]) -> Cart:
    if not raw:
        return Cart()
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError):
        return Cart()
    return pickle.loads(blob)  # VULN flow


def encode_cart(cart: Cart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode("ascii")


def with_cart_cookie(cart: Cart, status: int = 200):
    resp = make_response(jsonify(items=cart.items, count=cart.total_quantity()), status)
    resp.set_cookie(COOKIE_NAME, encode_cart(cart), httponly=True, secure=True, samesite="Lax")
    return resp


@app.get("/cart")
def show_cart():
    cart = decode_cart(request.cookies.get(COOKIE_NAME))
    return jsonify(items=cart.items, count=cart.total_quantity())


@app.post("/cart/items")
def add_item():
    payload = request.get_json(silent=True) or {}
    sku = str(payload.get("sku", "")).strip()
    qty = payload.get("qty", 1)
    if not sku or not isinstance(qty, int) or not 1 <= qty <= 99:
        return jsonify(error="invalid item"), 400
    cart = decode_cart(request.cookies.get(COOKIE_NAME))
    try:
        cart.add(sku, qty)
    except ValueError:
        return jsonify(error="cart is full"), 409
    return with_cart_cookie(cart, 201)


@app.delete("/cart/items/<sku>")
def remove_item(sku: str):
    cart = decode_cart(request.cookies.get(COOKIE_NAME))
    cart.remove(sku)
    return with_cart_cookie(cart)

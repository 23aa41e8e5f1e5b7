"""Shopping-cart cookie handling for the storefront."""
import base64
import logging
import pickle
from dataclasses import dataclass, field

from flask import Flask, abort, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("storefront.cart")

COOKIE_NAME = "cart"
MAX_QTY = 20
CATALOG = {
    "SKU-1001": 1299,
    "SKU-1002": 2450,
    "SKU-2001": 899,
    "SKU-2002": 15900,
}


@dataclass
class Cart:
    items: dict[str, int] = field(default_factory=dict)

    def add(self, sku: str, qty: int) -> None:
        self.items[sku] = min(self.items.get(sku, 0) + qty, MAX_QTY)

    def remove(self, sku: str) -> None:
        self.items.pop(sku, None)

    def total_cents(self) -> int:
        return sum(CATALOG.get(sku, 0) * qty for sku, qty in self.items.items())


def load_cart(raw: str | None) -> Cart:
    if not raw:
        return Cart()
    blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    return pickle.loads(blob)  # VULN flow


def dump_cart(cart: Cart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode("ascii")


def cart_response(cart: Cart):
    resp = make_response(jsonify(items=cart.items, total_cents=cart.total_cents()))
    resp.set_cookie(COOKIE_NAME, dump_cart(cart), httponly=True, secure=True, samesite="Lax")
    return resp


@app.get("/cart")
def show_cart():
    cart = load_cart(request.cookies.get(COOKIE_NAME))
    return jsonify(items=cart.items, total_cents=cart.total_cents())


@app.post("/cart/items")
def add_item():
    payload = request.get_json(silent=True) or {}
    sku = payload.get("sku")
    try:
        qty = int(payload.get("qty", 1))
    except (TypeError, ValueError):
        abort(400)
    if sku not in CATALOG or not 1 <= qty <= MAX_QTY:
        abort(400)
    cart = load_cart(request.cookies.get(COOKIE_NAME))
    cart.add(sku, qty)
    log.info("added %r x%d to cart", sku, qty)
    return cart_response(cart)


@app.delete("/cart/items/<sku>")
def remove_item(sku: str):
    cart = load_cart(request.cookies.get(COOKIE_NAME))
    cart.remove(sku)
    return cart_response(cart)

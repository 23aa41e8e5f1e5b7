"""Online ordering cart for the pizza outlets (Bottle).

The cart lives client-side in a cookie so the ordering front-end can be
served from any node behind the load balancer without shared sessions.
"""
import base64
import hashlib
import hmac
import json
import logging
import os
from decimal import Decimal

from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("ordering.cart")
COOKIE_NAME = "cart"
CART_SECRET = os.environ["CART_COOKIE_SECRET"].encode("utf-8")

MENU = {
    "MARG-12": ("Margherita 12in", Decimal("11.50")),
    "DIAV-12": ("Diavola 12in", Decimal("13.90")),
    "GARL-BRD": ("Garlic bread", Decimal("4.20")),
    "TIRAMISU": ("Tiramisu", Decimal("5.80")),
}


class Cart:
    def __init__(self, outlet_id: str):
        self.outlet_id = outlet_id
        self.lines = {}

    def add(self, sku: str, qty: int) -> None:
        self.lines[sku] = self.lines.get(sku, 0) + qty

    def to_dict(self) -> dict:
        return {"outlet_id": self.outlet_id, "lines": self.lines}

    @classmethod
    def from_dict(cls, data: dict) -> "Cart":
        cart = cls(str(data["outlet_id"]))
        cart.lines = {sku: int(qty) for sku, qty in data.get("lines", {}).items() if sku in MENU}
        return cart

    def summary(self) -> dict:
        items = []
        total = Decimal("0")
        for sku, qty in self.lines.items():
            name, price = MENU[sku]
            total += price * qty
            items.append({"sku": sku, "name": name, "qty": qty, "line_total": str(price * qty)})
        return {"outlet": self.outlet_id, "items": items, "total": str(total)}


def _sign(payload: bytes) -> str:
    return hmac.new(CART_SECRET, payload, hashlib.sha256).hexdigest()


def load_cart(outlet_id: str) -> Cart:
    raw = request.get_cookie(COOKIE_NAME)
    if not raw:
        return Cart(outlet_id)
    try:
        encoded, signature = raw.rsplit(".", 1)
        blob = base64.urlsafe_b64decode(encoded.encode("ascii"))
        if not hmac.compare_digest(_sign(blob), signature):
            raise ValueError("bad signature")
        cart = Cart.from_dict(json.loads(blob.decode("utf-8")))
    except Exception:
        log.info("discarding unreadable cart cookie")
        return Cart(outlet_id)
    return cart if getattr(cart, "outlet_id", None) == outlet_id else Cart(outlet_id)


def save_cart(cart: Cart) -> None:
    blob = json.dumps(cart.to_dict(), separators=(",", ":")).encode("utf-8")
    response.set_cookie(COOKIE_NAME, base64.urlsafe_b64encode(blob).decode("ascii") + "." + _sign(blob),
                        path="/", httponly=True, samesite="lax", max_age=86400)


@app.get("/outlets/<outlet_id>/cart")
def show_cart(outlet_id):
    return load_cart(outlet_id).summary()


@app.post("/outlets/<outlet_id>/cart/items")
def add_item(outlet_id):
    data = request.json or {}
    sku = data.get("sku")
    if sku not in MENU:
        raise HTTPError(400, "unknown item")
    qty = max(1, min(int(data.get("qty", 1)), 20))
    cart = load_cart(outlet_id)
    cart.add(sku, qty)
    save_cart(cart)
    return cart.summary()

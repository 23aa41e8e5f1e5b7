"""Online ordering cart for the pizza outlets (Bottle).

The cart lives client-side in a cookie so the ordering front-end can be
served from any node behind the load balancer without shared sessions.
"""
import base64
import logging
from decimal import Decimal

import jsonpickle
from bottle import Bottle, HTTPError, request, response

app = Bottle()
log = logging.getLogger("ordering.cart")
COOKIE_NAME = "cart"

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

    def summary(self) -> dict:
        items = []
        total = Decimal("0")
        for sku, qty in self.lines.items():
            name, price = MENU[sku]
            total += price * qty
            items.append({"sku": sku, "name": name, "qty": qty, "line_total": str(price * qty)})
        return {"outlet": self.outlet_id, "items": items, "total": str(total)}


def load_cart(outlet_id: str) -> Cart:
    raw = request.get_cookie(COOKIE_NAME)
    if not raw:
        return Cart(outlet_id)
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        cart = jsonpickle.decode(blob)  # VULN flow
    except Exception:
        log.info("discarding unreadable cart cookie")
        return Cart(outlet_id)
    return cart if getattr(cart, "outlet_id", None) == outlet_id else Cart(outlet_id)


def save_cart(cart: Cart) -> None:
    blob = jsonpickle.encode(cart)
    response.set_cookie(COOKIE_NAME, base64.urlsafe_b64encode(blob.encode("utf-8")).decode("ascii"),
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

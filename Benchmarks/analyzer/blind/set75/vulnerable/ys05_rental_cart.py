"""Equipment rental storefront - cart kept client side in a cookie so the
catalogue nodes stay stateless."""
import base64
import logging
import pickle
from dataclasses import dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("rental.cart")

CART_COOKIE = "rc_cart"
CATALOGUE = {
    "EXC-8T": {"name": "8t tracked excavator", "day_rate": 385.0},
    "SCI-19": {"name": "19ft scissor lift", "day_rate": 142.0},
    "TEL-14": {"name": "14m telehandler", "day_rate": 298.0},
    "PLT-VIB": {"name": "Vibratory plate compactor", "day_rate": 48.0},
}


@dataclass
class CartLine:
    sku: str
    qty: int = 1
    days: int = 1


@dataclass
class Cart:
    lines: List[CartLine] = field(default_factory=list)

    def add(self, sku: str, qty: int, days: int) -> None:
        for line in self.lines:
            if line.sku == sku:
                line.qty += qty
                line.days = max(line.days, days)
                return
        self.lines.append(CartLine(sku, qty, days))

    def total(self) -> float:
        return sum(CATALOGUE[l.sku]["day_rate"] * l.qty * l.days
                   for l in self.lines if l.sku in CATALOGUE)


def load_cart(raw: str) -> Cart:
    if not raw:
        return Cart()
    try:
        return pickle.loads(base64.urlsafe_b64decode(raw.encode()))  # VULN flow
    except Exception:
        log.info("discarding unreadable cart cookie")
        return Cart()


def dump_cart(cart: Cart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode()


@app.route("/cart", methods=["GET"])
def view_cart():
    cart = load_cart(request.cookies.get(CART_COOKIE, ""))
    return jsonify({
        "lines": [vars(l) for l in cart.lines],
        "total": round(cart.total(), 2),
    })


@app.route("/cart/items", methods=["POST"])
def add_item():
    body = request.get_json(force=True)
    sku = body.get("sku")
    if sku not in CATALOGUE:
        return jsonify({"error": "unknown sku"}), 400
    cart = load_cart(request.cookies.get(CART_COOKIE, ""))
    cart.add(sku, int(body.get("qty", 1)), int(body.get("days", 1)))
    resp = make_response(jsonify({"total": round(cart.total(), 2)}))
    resp.set_cookie(CART_COOKIE, dump_cart(cart), httponly=True, secure=True,
                    samesite="Lax", max_age=7 * 86400)
    return resp

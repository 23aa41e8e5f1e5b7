"""Cookie-backed shopping cart persistence for the storefront."""
import base64
import logging
import pickle
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import wraps

from flask import Flask, g, jsonify, request

logger = logging.getLogger("storefront.cart")

app = Flask(__name__)
app.config["SECRET_KEY"] = "f3c9a1d07be24e55a8c0-storefront-prod"  # VULN
CART_COOKIE = "sf_cart"


@dataclass
class CartLine:
    sku: str
    qty: int
    unit_price: float


@dataclass
class Cart:
    lines: list = field(default_factory=list)
    currency: str = "EUR"
    updated_at: str = ""

    def total(self) -> float:
        return round(sum(line.qty * line.unit_price for line in self.lines), 2)


class CartCodec:
    """Serialises carts into a compact cookie value."""

    def dumps(self, cart: Cart) -> str:
        cart.updated_at = datetime.now(timezone.utc).isoformat()
        return base64.urlsafe_b64encode(pickle.dumps(cart)).decode("ascii")

    def loads(self, raw: str) -> Cart:
        data = base64.urlsafe_b64decode(raw.encode("ascii"))
        return pickle.loads(data)  # VULN flow


codec = CartCodec()


def with_cart(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        raw = request.cookies.get(CART_COOKIE)
        try:
            g.cart = codec.loads(raw) if raw else Cart()
        except Exception:  # noqa: BLE001
            logger.info("discarding unreadable cart cookie")
            g.cart = Cart()
        response = view(*args, **kwargs)
        response.set_cookie(CART_COOKIE, codec.dumps(g.cart), httponly=True, secure=True, samesite="Lax")
        return response

    return wrapper


@app.route("/cart")
@with_cart
def show_cart():
    return jsonify({
        "lines": [line.__dict__ for line in g.cart.lines],
        "total": g.cart.total(),
        "currency": g.cart.currency,
    })


@app.route("/cart/add", methods=["POST"])
@with_cart
def add_line():
    body = request.get_json(force=True)
    qty = max(1, min(int(body.get("qty", 1)), 99))
    price = app.config.get("PRICE_LOOKUP", {}).get(body["sku"], 0.0)
    g.cart.lines.append(CartLine(sku=str(body["sku"]), qty=qty, unit_price=price))
    logger.info("cart line added sku=%r qty=%d", body["sku"], qty)
    return jsonify({"ok": True, "total": g.cart.total()})

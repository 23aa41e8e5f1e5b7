"""Cookie-backed shopping cart persistence for the storefront."""
import logging
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import wraps

from flask import Flask, g, jsonify, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

logger = logging.getLogger("storefront.cart")

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["STOREFRONT_SECRET_KEY"]
CART_COOKIE = "sf_cart"
CART_MAX_AGE = 14 * 24 * 3600


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
    """Serialises carts into a compact, signed cookie value."""

    def __init__(self, secret: str):
        self._signer = URLSafeTimedSerializer(secret, salt="storefront-cart")

    def dumps(self, cart: Cart) -> str:
        cart.updated_at = datetime.now(timezone.utc).isoformat()
        return self._signer.dumps(asdict(cart))

    def loads(self, raw: str) -> Cart:
        data = self._signer.loads(raw, max_age=CART_MAX_AGE)
        lines = [CartLine(sku=str(l["sku"]), qty=int(l["qty"]), unit_price=float(l["unit_price"])) for l in data["lines"]]
        return Cart(lines=lines, currency=str(data["currency"]), updated_at=str(data["updated_at"]))


codec = CartCodec(app.config["SECRET_KEY"])


def with_cart(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        raw = request.cookies.get(CART_COOKIE)
        try:
            g.cart = codec.loads(raw) if raw else Cart()
        except (BadSignature, KeyError, TypeError, ValueError):
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

"""Guest cart persistence for the storefront: the cart lives in a cookie until login."""
import base64
import json
import logging
from dataclasses import dataclass, field

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("storefront.cart")
CART_COOKIE = "guest_cart"


@dataclass
class CartItem:
    sku: str
    quantity: int


@dataclass
class GuestCart:
    items: list = field(default_factory=list)
    coupon: str = ""

    def add(self, sku: str, qty: int) -> None:
        for item in self.items:
            if item.sku == sku:
                item.quantity += qty
                return
        self.items.append(CartItem(sku, qty))

    def as_dict(self) -> dict:
        return {"items": [vars(i) for i in self.items], "coupon": self.coupon}


class CartCodec:
    @staticmethod
    def encode(cart: GuestCart) -> str:
        data = {"items": [[i.sku, i.quantity] for i in cart.items], "coupon": cart.coupon}
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode()

    @staticmethod
    def decode(raw: str) -> GuestCart:
        data = base64.urlsafe_b64decode(raw.encode())
        payload = json.loads(data)
        cart = GuestCart(coupon=str(payload.get("coupon", ""))[:32])
        for sku, qty in payload.get("items", [])[:50]:
            cart.add(str(sku)[:64], max(1, min(int(qty), 99)))
        return cart


def current_cart() -> GuestCart:
    raw = request.cookies.get(CART_COOKIE)
    if not raw:
        return GuestCart()
    try:
        return CartCodec.decode(raw)
    except Exception:
        log.warning("discarding unreadable cart cookie")
        return GuestCart()


def with_cart_cookie(cart: GuestCart):
    resp = make_response(jsonify(cart.as_dict()))
    resp.set_cookie(CART_COOKIE, CartCodec.encode(cart), httponly=True, secure=True, samesite="Lax")
    return resp


@app.post("/cart/items")
def add_to_cart():
    body = request.get_json(force=True)
    sku = str(body.get("sku", ""))[:64]
    qty = max(1, min(int(body.get("quantity", 1)), 99))
    cart = current_cart()
    cart.add(sku, qty)
    return with_cart_cookie(cart)


@app.get("/cart")
def show_cart():
    return jsonify(current_cart().as_dict())

"""Shopping cart persisted client-side in a cookie between page loads."""
import base64
import pickle
from dataclasses import dataclass, field
from typing import Optional

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)


@dataclass
class Cart:
    items: dict = field(default_factory=dict)
    coupon: Optional[str] = None

    def add(self, sku, qty=1):
        self.items[sku] = self.items.get(sku, 0) + qty

    def remove(self, sku):
        self.items.pop(sku, None)

    def total_items(self):
        return sum(self.items.values())


class CartCookie:
    name = "cart"

    def load(self, req):
        raw = req.cookies.get(self.name)
        if not raw:
            return Cart()
        blob = base64.urlsafe_b64decode(raw.encode())
        return pickle.loads(blob)  # VULN flow

    def dump(self, cart, resp):
        blob = base64.urlsafe_b64encode(pickle.dumps(cart)).decode()
        resp.set_cookie(self.name, blob, httponly=True, samesite="Lax")


cookie = CartCookie()


@app.get("/cart")
def show_cart():
    cart = cookie.load(request)
    return jsonify(items=cart.items, coupon=cart.coupon, count=cart.total_items())


@app.post("/cart/items")
def add_item():
    cart = cookie.load(request)
    body = request.get_json(force=True)
    sku = str(body.get("sku", ""))
    qty = int(body.get("qty", 1))
    if not sku or qty < 1:
        return jsonify(error="bad item"), 400
    cart.add(sku, qty)
    resp = make_response(jsonify(count=cart.total_items()))
    cookie.dump(cart, resp)
    return resp


@app.delete("/cart/items/<sku>")
def remove_item(sku):
    cart = cookie.load(request)
    cart.remove(sku)
    resp = make_response(jsonify(count=cart.total_items()))
    cookie.dump(cart, resp)
    return resp

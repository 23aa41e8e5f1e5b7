"""Shopping cart persisted client-side in a cookie between page loads."""
import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, field
from typing import Optional

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
COOKIE_KEY = os.environ["CART_COOKIE_KEY"].encode()


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

    @staticmethod
    def _mac(payload):
        return hmac.new(COOKIE_KEY, payload, hashlib.sha256).hexdigest()

    def load(self, req):
        raw = req.cookies.get(self.name)
        if not raw or "." not in raw:
            return Cart()
        encoded, mac = raw.rsplit(".", 1)
        blob = base64.urlsafe_b64decode(encoded.encode())
        if not hmac.compare_digest(mac, self._mac(blob)):
            return Cart()
        data = json.loads(blob)
        items = {str(k): int(v) for k, v in dict(data.get("items", {})).items()}
        coupon = data.get("coupon")
        return Cart(items=items, coupon=str(coupon) if coupon else None)

    def dump(self, cart, resp):
        blob = json.dumps({"items": cart.items, "coupon": cart.coupon}).encode()
        value = base64.urlsafe_b64encode(blob).decode() + "." + self._mac(blob)
        resp.set_cookie(self.name, value, httponly=True, samesite="Lax")


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

"""Shopping cart views for the storefront (Pyramid)."""
import logging
import os
from dataclasses import dataclass, field

from itsdangerous import BadSignature, URLSafeSerializer
from pyramid.httpexceptions import HTTPBadRequest, HTTPSeeOther
from pyramid.view import view_config

log = logging.getLogger("storefront.cart")

CART_COOKIE = "cart"
MAX_QTY = 20


@dataclass
class CartLine:
    sku: str
    quantity: int


@dataclass
class Cart:
    lines: list = field(default_factory=list)

    def add(self, sku, quantity):
        for line in self.lines:
            if line.sku == sku:
                line.quantity = min(line.quantity + quantity, MAX_QTY)
                return
        self.lines.append(CartLine(sku, min(quantity, MAX_QTY)))


def _serializer():
    return URLSafeSerializer(os.environ["CART_SIGNING_KEY"], salt="storefront-cart")


def load_cart(request):
    raw = request.cookies.get(CART_COOKIE)
    if not raw:
        return Cart()
    try:
        data = _serializer().loads(raw)
    except BadSignature:
        return Cart()
    cart = Cart()
    for item in data.get("lines", []) if isinstance(data, dict) else []:
        if not isinstance(item, dict):
            continue
        sku, quantity = item.get("sku"), item.get("quantity")
        if isinstance(sku, str) and sku.isalnum() and type(quantity) is int and 1 <= quantity <= MAX_QTY:
            cart.add(sku, quantity)
    return cart


def store_cart(response, cart):
    payload = {"lines": [{"sku": line.sku, "quantity": line.quantity} for line in cart.lines]}
    encoded = _serializer().dumps(payload)
    response.set_cookie(CART_COOKIE, encoded, httponly=True, secure=True, samesite="Lax", max_age=7 * 86400)


@view_config(route_name="cart", renderer="json", request_method="GET")
def show_cart(request):
    cart = load_cart(request)
    return {"lines": [{"sku": line.sku, "quantity": line.quantity} for line in cart.lines]}


@view_config(route_name="cart_add", request_method="POST")
def add_to_cart(request):
    sku = request.POST.get("sku", "")
    try:
        quantity = int(request.POST.get("quantity", "1"))
    except ValueError:
        raise HTTPBadRequest()
    if not sku.isalnum() or not 1 <= quantity <= MAX_QTY:
        raise HTTPBadRequest()
    cart = load_cart(request)
    cart.add(sku, quantity)
    response = HTTPSeeOther(location=request.route_url("cart"))
    store_cart(response, cart)
    log.info("added %r x%d to cart", sku, quantity)
    return response

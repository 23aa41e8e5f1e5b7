"""Shopping cart views for the storefront (Pyramid)."""
import base64
import binascii
import logging
from dataclasses import dataclass, field

import jsonpickle
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


def load_cart(request):
    raw = request.cookies.get(CART_COOKIE)
    if not raw:
        return Cart()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError):
        return Cart()
    cart = jsonpickle.decode(decoded)  # VULN flow
    return cart if isinstance(cart, Cart) else Cart()


def store_cart(response, cart):
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(cart).encode("utf-8")).decode("ascii")
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

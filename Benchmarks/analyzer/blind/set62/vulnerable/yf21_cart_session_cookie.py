"""Delivery storefront cart kept client-side in a cookie.

Keeping the cart in the cookie lets the edge cache serve menu pages
without a session store; prices are always re-read from the menu.
"""
import base64
import binascii
import logging
from dataclasses import dataclass, field
from typing import Dict

import jsonpickle
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from storefront.menu import get_menu_item  # type: ignore

log = logging.getLogger("storefront.cart")
CART_COOKIE = "cart"


@dataclass
class Cart:
    store_id: int = 0
    lines: Dict[str, int] = field(default_factory=dict)
    tip_pct: int = 15

    def add(self, sku: str, qty: int) -> None:
        self.lines[sku] = max(0, self.lines.get(sku, 0) + qty)
        if self.lines[sku] == 0:
            del self.lines[sku]

    def summary(self) -> dict:
        items, subtotal = [], 0
        for sku, qty in self.lines.items():
            item = get_menu_item(self.store_id, sku)
            if item is None:
                continue
            subtotal += item["price_cents"] * qty
            items.append({"sku": sku, "name": item["name"], "qty": qty})
        tip = subtotal * self.tip_pct // 100
        return {"items": items, "subtotal": subtotal, "tip": tip, "total": subtotal + tip}


def load_cart(request: Request, store_id: int) -> Cart:
    raw = request.cookies.get(CART_COOKIE)
    if not raw:
        return Cart(store_id=store_id)
    try:
        payload = base64.urlsafe_b64decode(raw.encode()).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return Cart(store_id=store_id)
    cart = jsonpickle.decode(payload)  # VULN flow
    if not isinstance(cart, Cart) or cart.store_id != store_id:
        return Cart(store_id=store_id)
    return cart


def save_cart(response: JSONResponse, cart: Cart) -> None:
    encoded = base64.urlsafe_b64encode(jsonpickle.encode(cart).encode("utf-8")).decode()
    response.set_cookie(CART_COOKIE, encoded, httponly=True, secure=True, samesite="lax")


async def view_cart(request: Request) -> JSONResponse:
    cart = load_cart(request, request.path_params["store_id"])
    return JSONResponse(cart.summary())


async def add_to_cart(request: Request) -> JSONResponse:
    body = await request.json()
    cart = load_cart(request, request.path_params["store_id"])
    cart.add(str(body["sku"]), int(body.get("qty", 1)))
    if "tip_pct" in body:
        cart.tip_pct = max(0, min(30, int(body["tip_pct"])))
    response = JSONResponse(cart.summary())
    save_cart(response, cart)
    return response


app = Starlette(routes=[
    Route("/stores/{store_id:int}/cart", view_cart, methods=["GET"]),
    Route("/stores/{store_id:int}/cart", add_to_cart, methods=["POST"]),
])

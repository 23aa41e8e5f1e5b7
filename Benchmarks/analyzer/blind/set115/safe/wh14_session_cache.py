"""Starlette web shop for lift tickets: the basket lives in a client cookie so
the ticket kiosks can work without sticky sessions."""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import List

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("tickets.basket")
COOKIE = "basket"
SIGNING_KEY = os.environ["BASKET_SIGNING_KEY"].encode()


@dataclass
class BasketLine:
    product: str
    days: int
    price_cents: int


@dataclass
class Basket:
    lines: List[BasketLine] = field(default_factory=list)
    promo: str = ""

    def total(self) -> int:
        return sum(line.price_cents for line in self.lines)


def _sign(blob: bytes) -> str:
    return hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()


def encode_basket(basket: Basket) -> str:
    blob = json.dumps(asdict(basket), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(blob).decode() + "." + _sign(blob)


def decode_basket(raw: str) -> Basket:
    if not raw or "." not in raw:
        return Basket()
    body, sig = raw.rsplit(".", 1)
    blob = base64.urlsafe_b64decode(body.encode())
    if not hmac.compare_digest(sig, _sign(blob)):
        return Basket()
    data = json.loads(blob)
    return Basket([BasketLine(**l) for l in data.get("lines", [])], str(data.get("promo", "")))


PRICES = {"day": 6900, "half-day": 4900, "season": 89900}


async def view_basket(request: Request):
    basket = decode_basket(request.cookies.get(COOKIE, ""))
    return JSONResponse({
        "lines": [vars(l) for l in basket.lines],
        "promo": basket.promo,
        "total_cents": basket.total(),
    })


async def add_to_basket(request: Request):
    data = await request.json()
    product = data.get("product")
    if product not in PRICES:
        return JSONResponse({"error": "unknown product"}, status_code=400)
    days = max(1, int(data.get("days", 1)))
    basket = decode_basket(request.cookies.get(COOKIE, ""))
    basket.lines.append(BasketLine(product, days, PRICES[product] * days))
    resp = JSONResponse({"items": len(basket.lines), "total_cents": basket.total()})
    resp.set_cookie(COOKIE, encode_basket(basket), httponly=True, samesite="lax")
    return resp


app = Starlette(routes=[
    Route("/basket", view_basket, methods=["GET"]),
    Route("/basket/add", add_to_basket, methods=["POST"]),
])

"""Starlette app that keeps a visitor's in-progress cleaning quote in a cookie.

Anonymous visitors build up a basket (rooms, extras, preferred slot) before
signing up, so the state lives client-side until checkout.
"""
import base64
import hashlib
import hmac
import json
import logging
import os
from dataclasses import asdict, dataclass, field

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

log = logging.getLogger("basket")
COOKIE = "quote_basket"
EXTRAS = {"oven": 25.0, "fridge": 15.0, "windows": 30.0, "ironing": 18.0}
SIGNING_KEY = os.environ["BASKET_SIGNING_KEY"].encode()


@dataclass
class Basket:
    rooms: int = 1
    extras: list = field(default_factory=list)
    slot: str | None = None

    def total(self) -> float:
        return 22.0 * self.rooms + sum(EXTRAS.get(e, 0.0) for e in self.extras)


def _sign(data: bytes) -> str:
    return hmac.new(SIGNING_KEY, data, hashlib.sha256).hexdigest()


def _decode_state(raw: str) -> Basket:
    encoded, _, sig = raw.rpartition(".")
    text = base64.urlsafe_b64decode(encoded.encode())
    if not hmac.compare_digest(_sign(text), sig):
        raise ValueError("bad signature")
    state = json.loads(text)
    return Basket(
        rooms=max(1, min(int(state.get("rooms", 1)), 10)),
        extras=[e for e in state.get("extras", []) if e in EXTRAS],
        slot=(str(state["slot"])[:32] if state.get("slot") else None),
    )


def _encode_state(basket: Basket) -> str:
    text = json.dumps(asdict(basket), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(text).decode() + "." + _sign(text)


def load_basket(request: Request) -> Basket:
    raw = request.cookies.get(COOKIE)
    if not raw:
        return Basket()
    try:
        return _decode_state(raw)
    except Exception:
        log.info("discarding unreadable basket cookie")
        return Basket()


def respond(basket: Basket) -> JSONResponse:
    resp = JSONResponse({"rooms": basket.rooms, "extras": basket.extras, "slot": basket.slot, "total": basket.total()})
    resp.set_cookie(COOKIE, _encode_state(basket), max_age=7 * 86400, httponly=True, samesite="lax")
    return resp


async def show(request: Request) -> JSONResponse:
    return respond(load_basket(request))


async def update(request: Request) -> JSONResponse:
    basket = load_basket(request)
    body = await request.json()
    if "rooms" in body:
        basket.rooms = max(1, min(int(body["rooms"]), 10))
    for extra in body.get("add_extras", []):
        if extra in EXTRAS and extra not in basket.extras:
            basket.extras.append(extra)
    if body.get("slot"):
        basket.slot = str(body["slot"])[:32]
    return respond(basket)


app = Starlette(routes=[Route("/basket", show, methods=["GET"]), Route("/basket", update, methods=["POST"])])

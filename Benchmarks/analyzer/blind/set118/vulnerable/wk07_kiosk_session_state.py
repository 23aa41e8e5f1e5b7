"""Payment kiosk session state.

The kiosk front-end is stateless; the basket in progress is round-tripped
through a cookie so a kiosk reboot mid-purchase doesn't lose it.
"""
import base64
import logging
import pickle
import zlib
from dataclasses import dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("kiosk_session")

COOKIE_NAME = "kiosk_basket"


@dataclass
class BasketLine:
    sku: str
    label: str
    price_cents: int


@dataclass
class KioskBasket:
    kiosk_id: str
    lines: List[BasketLine] = field(default_factory=list)
    loyalty_card: str = ""

    @property
    def total_cents(self) -> int:
        return sum(line.price_cents for line in self.lines)


def encode_state(basket: KioskBasket) -> str:
    return base64.urlsafe_b64encode(zlib.compress(pickle.dumps(basket))).decode("ascii")


def decode_state(blob: str) -> KioskBasket:
    raw = zlib.decompress(base64.urlsafe_b64decode(blob.encode("ascii")))
    return pickle.loads(raw)  # VULN flow


def current_basket(kiosk_id: str) -> KioskBasket:
    blob = request.cookies.get(COOKIE_NAME)
    if not blob:
        return KioskBasket(kiosk_id=kiosk_id)
    try:
        return decode_state(blob)
    except Exception:
        log.warning("discarding unreadable basket cookie on kiosk %r", kiosk_id)
        return KioskBasket(kiosk_id=kiosk_id)


@app.route("/kiosk/<kiosk_id>/basket", methods=["GET"])
def show_basket(kiosk_id):
    basket = current_basket(kiosk_id)
    return jsonify(
        lines=[vars(line) for line in basket.lines],
        total_cents=basket.total_cents,
        loyalty_card=basket.loyalty_card,
    )


@app.route("/kiosk/<kiosk_id>/basket", methods=["POST"])
def add_line(kiosk_id):
    basket = current_basket(kiosk_id)
    item = request.get_json(force=True)
    basket.lines.append(BasketLine(item["sku"], item["label"], int(item["price_cents"])))
    resp = make_response(jsonify(total_cents=basket.total_cents))
    resp.set_cookie(COOKIE_NAME, encode_state(basket), httponly=True, samesite="Strict")
    return resp

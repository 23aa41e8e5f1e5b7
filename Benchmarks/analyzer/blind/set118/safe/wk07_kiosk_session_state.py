"""Payment kiosk session state.

The kiosk front-end is stateless; the basket in progress is round-tripped
through a cookie so a kiosk reboot mid-purchase doesn't lose it.
"""
import base64
import hashlib
import hmac
import json
import logging
import os
import zlib
from dataclasses import asdict, dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("kiosk_session")

COOKIE_NAME = "kiosk_basket"
STATE_KEY = os.environ["KIOSK_STATE_KEY"].encode()


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
    body = zlib.compress(json.dumps(asdict(basket)).encode("utf-8"))
    sig = hmac.new(STATE_KEY, body, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(sig + body).decode("ascii")


def decode_state(blob: str) -> KioskBasket:
    raw = base64.urlsafe_b64decode(blob.encode("ascii"))
    sig, body = raw[:32], raw[32:]
    if not hmac.compare_digest(sig, hmac.new(STATE_KEY, body, hashlib.sha256).digest()):
        raise ValueError("bad signature")
    data = json.loads(zlib.decompress(body))
    lines = [BasketLine(str(l["sku"]), str(l["label"]), int(l["price_cents"])) for l in data["lines"]]
    return KioskBasket(str(data["kiosk_id"]), lines, str(data.get("loyalty_card", "")))


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

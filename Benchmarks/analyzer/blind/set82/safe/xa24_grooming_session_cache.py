"""Basket handling for the online grooming-appointment shop.

The basket lives client-side in a cookie so anonymous visitors can build one
before logging in.
"""
import base64
import json
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("grooming.basket")

COOKIE_NAME = "groom_basket"
SERVICE_PRICES = {
    "bath_brush": Decimal("35.00"),
    "full_groom": Decimal("65.00"),
    "nail_trim": Decimal("12.00"),
    "teeth_clean": Decimal("18.00"),
    "de_shed": Decimal("40.00"),
}


@dataclass
class BasketItem:
    service: str
    pet_name: str
    price: Decimal


@dataclass
class Basket:
    items: List[BasketItem] = field(default_factory=list)

    def total(self) -> Decimal:
        return sum((i.price for i in self.items), Decimal("0"))


def load_basket(req) -> Basket:
    raw = req.cookies.get(COOKIE_NAME)
    if not raw:
        return Basket()
    try:
        decoded = base64.urlsafe_b64decode(raw.encode("ascii")).decode("utf-8")
        entries = json.loads(decoded)
        basket = Basket([
            BasketItem(e["service"], str(e.get("pet_name", ""))[:40], SERVICE_PRICES[e["service"]])
            for e in entries[:20]
        ])
    except Exception:
        log.info("discarding unreadable basket cookie")
        return Basket()
    return basket


def save_basket(resp, basket: Basket):
    entries = [{"service": i.service, "pet_name": i.pet_name} for i in basket.items]
    encoded = base64.urlsafe_b64encode(json.dumps(entries).encode("utf-8")).decode("ascii")
    resp.set_cookie(COOKIE_NAME, encoded, max_age=7 * 86400, httponly=True, samesite="Lax")
    return resp


@app.route("/basket", methods=["GET"])
def view_basket():
    basket = load_basket(request)
    return jsonify({
        "items": [{"service": i.service, "pet": i.pet_name, "price": str(i.price)} for i in basket.items],
        "total": str(basket.total()),
    })


@app.route("/basket", methods=["POST"])
def add_to_basket():
    payload = request.get_json(silent=True) or {}
    service = payload.get("service")
    if service not in SERVICE_PRICES:
        return jsonify({"error": "unknown service"}), 400
    basket = load_basket(request)
    basket.items.append(BasketItem(service, str(payload.get("pet_name", ""))[:40], SERVICE_PRICES[service]))
    resp = make_response(jsonify({"count": len(basket.items), "total": str(basket.total())}))
    return save_basket(resp, basket)

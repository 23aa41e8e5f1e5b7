"""Donation checkout flow for the food bank website.

The cart (fund designations and amounts) is kept client-side in a cookie so
the donation page works without a server session store.
"""
import base64
import logging
import pickle
from decimal import Decimal

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("donations")

COOKIE_NAME = "fb_cart"
FUNDS = {"general", "holiday-meals", "school-backpacks", "mobile-pantry"}


class DonationCart:
    def __init__(self):
        self.lines = {}

    def add(self, fund: str, amount: Decimal):
        self.lines[fund] = self.lines.get(fund, Decimal("0")) + amount

    @property
    def total(self) -> Decimal:
        return sum(self.lines.values(), Decimal("0"))

    def as_dict(self):
        return {"lines": {k: str(v) for k, v in self.lines.items()}, "total": str(self.total)}


def encode_cart(cart: DonationCart) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(cart)).decode("ascii")


def decode_cart(raw):
    if not raw:
        return DonationCart()
    blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    return pickle.loads(blob)  # VULN flow


def current_cart() -> DonationCart:
    try:
        return decode_cart(request.cookies.get(COOKIE_NAME))
    except Exception:
        log.warning("discarding unreadable cart cookie")
        return DonationCart()


@app.route("/donate/cart", methods=["GET"])
def show_cart():
    return jsonify(current_cart().as_dict())


@app.route("/donate/cart", methods=["POST"])
def add_to_cart():
    payload = request.get_json(force=True) or {}
    fund = payload.get("fund", "general")
    if fund not in FUNDS:
        return jsonify(error="unknown fund"), 400
    try:
        amount = Decimal(str(payload.get("amount", "0")))
    except ArithmeticError:
        return jsonify(error="bad amount"), 400
    if amount <= 0 or amount > Decimal("50000"):
        return jsonify(error="amount out of range"), 400
    cart = current_cart()
    cart.add(fund, amount)
    resp = make_response(jsonify(cart.as_dict()))
    resp.set_cookie(COOKIE_NAME, encode_cart(cart), httponly=True, secure=True, samesite="Lax")
    return resp


@app.route("/donate/cart", methods=["DELETE"])
def clear_cart():
    resp = make_response(jsonify(DonationCart().as_dict()))
    resp.delete_cookie(COOKIE_NAME)
    return resp

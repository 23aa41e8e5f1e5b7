"""Keeps an unsubmitted bet slip in a cookie so it survives page reloads."""
import base64
import logging
import pickle
from dataclasses import dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, request

app = Flask(__name__)
log = logging.getLogger("betslip")

COOKIE_NAME = "slip"


@dataclass
class SlipLeg:
    event_id: int
    selection: str
    price: float


@dataclass
class BetSlip:
    legs: List[SlipLeg] = field(default_factory=list)
    stake_cents: int = 0

    @property
    def combined_price(self) -> float:
        total = 1.0
        for leg in self.legs:
            total *= leg.price
        return round(total, 3)


def dump_slip(slip: BetSlip) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(slip)).decode("ascii")


def load_slip(raw: str) -> BetSlip:
    if not raw:
        return BetSlip()
    blob = base64.urlsafe_b64decode(raw.encode("ascii"))
    return pickle.loads(blob)  # VULN flow


def _slip_response(slip: BetSlip):
    resp = make_response(jsonify({
        "legs": [leg.__dict__ for leg in slip.legs],
        "stake_cents": slip.stake_cents,
        "price": slip.combined_price,
    }))
    resp.set_cookie(COOKIE_NAME, dump_slip(slip), httponly=True, samesite="Lax")
    return resp


@app.route("/slip", methods=["GET"])
def view_slip():
    return _slip_response(load_slip(request.cookies.get(COOKIE_NAME, "")))


@app.route("/slip/legs", methods=["POST"])
def add_leg():
    slip = load_slip(request.cookies.get(COOKIE_NAME, ""))
    body = request.get_json(force=True)
    leg = SlipLeg(int(body["event_id"]), str(body["selection"]), float(body["price"]))
    if len(slip.legs) >= 12:
        return jsonify({"error": "too many legs"}), 400
    slip.legs.append(leg)
    return _slip_response(slip)


@app.route("/slip/stake", methods=["PUT"])
def set_stake():
    slip = load_slip(request.cookies.get(COOKIE_NAME, ""))
    slip.stake_cents = max(0, int(request.get_json(force=True).get("stake_cents", 0)))
    return _slip_response(slip)

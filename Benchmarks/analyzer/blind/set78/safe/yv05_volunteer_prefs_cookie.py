"""Volunteer portal: remembers shift preferences between visits."""
import base64
import json
import logging
from dataclasses import asdict, dataclass, field
from typing import List

from flask import Flask, jsonify, make_response, redirect, request, url_for

app = Flask(__name__)
log = logging.getLogger("volunteer.portal")

PREFS_COOKIE = "vol_prefs"
SHIFTS = [
    {"id": 101, "site": "warehouse", "day": "sat", "hours": 4},
    {"id": 102, "site": "pantry-east", "day": "sun", "hours": 3},
    {"id": 103, "site": "mobile-market", "day": "wed", "hours": 5},
    {"id": 104, "site": "warehouse", "day": "tue", "hours": 2},
]


@dataclass
class ShiftPreferences:
    sites: List[str] = field(default_factory=list)
    days: List[str] = field(default_factory=list)
    max_hours: int = 8


def encode_prefs(prefs: ShiftPreferences) -> str:
    return base64.urlsafe_b64encode(json.dumps(asdict(prefs)).encode()).decode("ascii")


def decode_prefs(raw):
    if not raw:
        return ShiftPreferences()
    try:
        blob = base64.urlsafe_b64decode(raw.encode("ascii"))
        data = json.loads(blob)
        return ShiftPreferences(
            sites=[str(s) for s in data.get("sites", [])],
            days=[str(d) for d in data.get("days", [])],
            max_hours=int(data.get("max_hours", 8)),
        )
    except Exception:
        log.warning("discarding unreadable preferences cookie")
        return ShiftPreferences()


def matches(shift: dict, prefs: ShiftPreferences) -> bool:
    if prefs.sites and shift["site"] not in prefs.sites:
        return False
    if prefs.days and shift["day"] not in prefs.days:
        return False
    return shift["hours"] <= prefs.max_hours


@app.route("/shifts/recommended")
def recommended():
    prefs = decode_prefs(request.cookies.get(PREFS_COOKIE))
    return jsonify([s for s in SHIFTS if matches(s, prefs)])


@app.route("/preferences", methods=["POST"])
def save_preferences():
    try:
        max_hours = int(request.form.get("max_hours", 8))
    except ValueError:
        max_hours = 8
    prefs = ShiftPreferences(
        sites=request.form.getlist("site"),
        days=request.form.getlist("day"),
        max_hours=max_hours,
    )
    resp = make_response(redirect(url_for("recommended")))
    resp.set_cookie(PREFS_COOKIE, encode_prefs(prefs), max_age=90 * 86400,
                    httponly=True, samesite="Lax")
    return resp

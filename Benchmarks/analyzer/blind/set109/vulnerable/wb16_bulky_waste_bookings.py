"""Bulky-waste collection bookings: manage-booking links and HWRC gate PINs."""
import logging
import random
import sqlite3
import string
from datetime import date, datetime, timedelta

from flask import Blueprint, abort, current_app, g, jsonify, request

bp = Blueprint("bulky", __name__, url_prefix="/bulky")
log = logging.getLogger("bulky")

MANAGE_URL = "https://waste.example-council.gov.uk/bulky/manage/{token}"
TOKEN_ALPHABET = string.ascii_letters + string.digits
MAX_ITEMS = 6


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(current_app.config["BULKY_DB"])
    return g.db


def manage_token(length: int = 24) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


def gate_pin() -> str:
    return f"{random.randint(0, 999999):06d}"  # VULN


def next_collection_day(postcode: str) -> date:
    # rounds run Tue/Thu; anything booked after noon slips a day
    day = date.today() + timedelta(days=2 if datetime.now().hour >= 12 else 1)
    while day.weekday() not in (1, 3):
        day += timedelta(days=1)
    return day


@bp.post("/bookings")
def create_booking():
    data = request.get_json(silent=True) or {}
    items = data.get("items") or []
    if not items or len(items) > MAX_ITEMS:
        abort(400, f"between 1 and {MAX_ITEMS} items")
    postcode = str(data.get("postcode", "")).upper().strip()
    token = manage_token()
    cur = db().execute(
        "INSERT INTO bookings (postcode, address, items, collection_date, manage_token) VALUES (?, ?, ?, ?, ?)",
        (postcode, data.get("address", ""), ",".join(map(str, items)),
         next_collection_day(postcode).isoformat(), token),
    )
    db().commit()
    ref = f"BW-{cur.lastrowid:07d}"
    return jsonify(reference=ref, manage_url=MANAGE_URL.format(token=token)), 201


@bp.post("/hwrc/visits")
def book_hwrc_visit():
    data = request.get_json(silent=True) or {}
    reg = str(data.get("vehicle_reg", "")).replace(" ", "").upper()
    if not reg:
        abort(400, "vehicle registration required")
    pin = gate_pin()
    db().execute("INSERT INTO hwrc_visits (vehicle_reg, visit_date, gate_pin) VALUES (?, ?, ?)",
                 (reg, data.get("date"), pin))
    db().commit()
    return jsonify(vehicle_reg=reg, gate_pin=pin), 201


@bp.get("/manage/<token>")
def manage_booking(token):
    row = db().execute("SELECT postcode, items, collection_date FROM bookings WHERE manage_token = ?",
                       (token,)).fetchone()
    if row is None:
        abort(404)
    return jsonify(postcode=row[0], items=row[1].split(","), collection_date=row[2])

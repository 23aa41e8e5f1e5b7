"""Online booking widget backend for the practice website.

Exposes open chair slots and accepts booking requests that the front desk
confirms later.
"""
import logging
import os
from datetime import date, datetime, timedelta

from flask import Flask, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["BOOKING_SECRET_KEY"]
app.config.update(
    SESSION_COOKIE_SAMESITE="Lax",
    JSON_SORT_KEYS=False,
)
log = logging.getLogger("booking")

OPEN_HOURS = {0: (8, 17), 1: (8, 17), 2: (10, 19), 3: (8, 17), 4: (8, 14)}
SLOT_MINUTES = 30
BOOKED = set()
REQUESTS = []


def slots_for(day: date):
    hours = OPEN_HOURS.get(day.weekday())
    if not hours:
        return []
    start = datetime.combine(day, datetime.min.time()).replace(hour=hours[0])
    end = start.replace(hour=hours[1])
    out = []
    while start < end:
        if start not in BOOKED:
            out.append(start.isoformat(timespec="minutes"))
        start += timedelta(minutes=SLOT_MINUTES)
    return out


@app.route("/api/slots")
def open_slots():
    try:
        day = date.fromisoformat(request.args.get("date", date.today().isoformat()))
    except ValueError:
        return jsonify({"error": "bad date"}), 400
    return jsonify({"date": day.isoformat(), "slots": slots_for(day)})


@app.route("/api/book", methods=["POST"])
def book():
    data = request.get_json(silent=True) or {}
    try:
        when = datetime.fromisoformat(data["slot"])
    except (KeyError, ValueError):
        return jsonify({"error": "slot required"}), 400
    if when in BOOKED:
        return jsonify({"error": "slot taken"}), 409
    BOOKED.add(when)
    REQUESTS.append({"slot": when, "name": data.get("name"), "phone": data.get("phone"),
                     "reason": data.get("reason", "checkup")})
    session["last_booking"] = when.isoformat()
    return jsonify({"status": "pending", "slot": when.isoformat()}), 201


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=5000, debug=False)

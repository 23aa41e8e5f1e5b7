"""Taproom point-of-sale companion app: tab management for bartenders."""
import decimal
import json
import logging
import os
import uuid

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["TAPROOM_SECRET_KEY"]
app.config["SESSION_COOKIE_HTTPONLY"] = True
log = logging.getLogger("taproom.pos")

TAP_LIST = {
    "T1": ("Hazy Harbor IPA", decimal.Decimal("7.50")),
    "T2": ("Keel Pilsner", decimal.Decimal("6.00")),
    "T3": ("Anchor Line Stout", decimal.Decimal("7.00")),
    "T4": ("Barrel-Aged Saison", decimal.Decimal("9.00")),
}
TABS = {}
STAFF_PINS = json.loads(os.environ.get("TAPROOM_STAFF_PINS", "{}"))


def current_bartender() -> str:
    name = session.get("bartender")
    if not name:
        abort(401)
    return name


@app.post("/login")
def login():
    pin = request.form.get("pin", "")
    staff = STAFF_PINS.get(pin)
    if staff is None:
        abort(403)
    session["bartender"] = staff
    return jsonify({"bartender": staff})


@app.post("/tabs")
def open_tab():
    bartender = current_bartender()
    tab_id = uuid.uuid4().hex[:10]
    TABS[tab_id] = {"name": request.form.get("name", "walk-in")[:40], "items": [], "opened_by": bartender}
    return jsonify({"tab": tab_id}), 201


@app.post("/tabs/<tab_id>/pour")
def add_pour(tab_id):
    current_bartender()
    tab = TABS.get(tab_id) or abort(404)
    tap = request.form.get("tap", "")
    if tap not in TAP_LIST:
        abort(400, "unknown tap")
    beer, price = TAP_LIST[tap]
    tab["items"].append({"beer": beer, "price": str(price)})
    return jsonify(tab)


@app.post("/tabs/<tab_id>/close")
def close_tab(tab_id):
    current_bartender()
    tab = TABS.pop(tab_id, None) or abort(404)
    total = sum(decimal.Decimal(i["price"]) for i in tab["items"])
    log.info("closed tab %s total=%s", tab_id, total)
    return jsonify({"total": str(total), "items": len(tab["items"])})


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host=os.environ.get("TAPROOM_HOST", "127.0.0.1"), port=5000, debug=False)

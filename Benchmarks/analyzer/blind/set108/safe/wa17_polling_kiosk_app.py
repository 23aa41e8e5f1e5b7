"""Self-service 'Where do I vote?' kiosk app deployed at libraries and
early-voting centers. Staff can unlock an admin screen to refresh wait times."""
import hmac
import json
import logging
import os
from datetime import datetime

from flask import Flask, abort, jsonify, render_template, request, session

app = Flask(__name__)
app.secret_key = os.environ.get("KIOSK_SESSION_KEY", os.urandom(32))
log = logging.getLogger("kiosk")

ADMIN_PIN = os.environ["KIOSK_ADMIN_PIN"]
LOCATIONS_FILE = os.environ.get("KIOSK_LOCATIONS", "/opt/kiosk/locations.json")
WAIT_TIMES: dict = {}


def load_locations() -> list:
    with open(LOCATIONS_FILE, encoding="utf-8") as fh:
        return json.load(fh)["locations"]


@app.get("/")
def index():
    return render_template("kiosk/index.html", locations=load_locations(), now=datetime.now())


@app.get("/api/locations")
def locations():
    zip_code = request.args.get("zip", "")
    locs = [loc for loc in load_locations() if not zip_code or loc.get("zip") == zip_code]
    for loc in locs:
        loc["wait_minutes"] = WAIT_TIMES.get(loc["id"])
    return jsonify(locations=locs)


@app.post("/admin/unlock")
def unlock():
    pin = request.form.get("pin", "")
    if not hmac.compare_digest(pin.encode(), ADMIN_PIN.encode()):
        log.warning("failed kiosk admin unlock from %s", request.remote_addr)
        abort(403)
    session["admin"] = True
    return jsonify(unlocked=True)


@app.post("/admin/wait-times")
def update_wait_times():
    if not session.get("admin"):
        abort(403)
    payload = request.get_json(force=True) or {}
    for loc_id, minutes in payload.items():
        WAIT_TIMES[str(loc_id)] = max(0, int(minutes))
    return jsonify(updated=len(payload))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=8080, debug=False)

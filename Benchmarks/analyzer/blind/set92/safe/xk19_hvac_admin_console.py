"""Small admin console for the rooftop HVAC plant controller.

Lets the on-site engineer view plant status and apply temporary
overrides without logging in to the full BMS head-end.
"""
import hmac
import logging
import os
import time

from flask import Flask, abort, jsonify, render_template, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["HVAC_CONSOLE_SECRET"]
app.debug = False

log = logging.getLogger("hvac.console")

PLANT = {
    "rtu1": {"mode": "cool", "supply_setpoint": 13.0, "fan": "auto"},
    "rtu2": {"mode": "cool", "supply_setpoint": 13.5, "fan": "auto"},
    "boiler": {"mode": "off", "flow_setpoint": 60.0},
}
OVERRIDES = {}
MODES = {"off", "heat", "cool", "vent", "auto"}
OVERRIDE_MAX_S = 4 * 3600


def require_engineer():
    token = request.headers.get("X-Engineer-Token", "")
    expected = os.environ.get("HVAC_ENGINEER_TOKEN", "")
    if not expected or not hmac.compare_digest(token, expected):
        abort(401)


@app.route("/")
def index():
    return render_template("plant.html", plant=PLANT, overrides=OVERRIDES)


@app.route("/api/plant")
def plant_status():
    now = time.time()
    active = {k: v for k, v in OVERRIDES.items() if v["until"] > now}
    return jsonify(plant=PLANT, overrides=active)


@app.route("/api/plant/<unit>/override", methods=["POST"])
def set_override(unit):
    require_engineer()
    if unit not in PLANT:
        abort(404)
    body = request.get_json(force=True) or {}
    mode = body.get("mode")
    if mode not in MODES:
        abort(400)
    duration = min(int(body.get("seconds", 3600)), OVERRIDE_MAX_S)
    OVERRIDES[unit] = {"mode": mode, "until": time.time() + duration}
    log.info("override on %s -> %s for %ds", unit, mode, duration)
    return jsonify(OVERRIDES[unit]), 201


@app.route("/api/plant/<unit>/override", methods=["DELETE"])
def clear_override(unit):
    require_engineer()
    OVERRIDES.pop(unit, None)
    return "", 204


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app.run(host="127.0.0.1", port=int(os.environ.get("HVAC_CONSOLE_PORT", "8088")))

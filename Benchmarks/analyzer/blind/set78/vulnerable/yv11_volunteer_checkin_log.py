"""Kiosk check-in endpoint for volunteers arriving at distribution sites.

The check-in log is what the volunteer coordinator uses to certify hours for
court-ordered community service and school service-learning credit.
"""
import logging
from datetime import datetime, timezone

from flask import Flask, jsonify, request

app = Flask(__name__)

log = logging.getLogger("kiosk.checkin")
_handler = logging.FileHandler("/var/log/volunteers/checkin.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
log.addHandler(_handler)
log.setLevel(logging.INFO)

SITES = {"WH1": "Main warehouse", "PE2": "Pantry East", "MM3": "Mobile market"}
OPEN_SHIFTS = {"101", "102", "103", "104"}


def describe_checkin(name: str, shift_id: str, site: str, hours: float) -> str:
    stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return "CHECKIN volunteer=%s shift=%s site=%s hours=%.1f at=%s" % (
        name, shift_id, site, hours, stamp)


@app.route("/kiosk/checkin", methods=["POST"])
def checkin():
    form = request.form
    name = form.get("name", "").strip()
    shift_id = form.get("shift_id", "").strip()
    kiosk = request.headers.get("X-Kiosk-Id", "unknown")
    site = SITES.get(form.get("site_code", ""), "unknown")

    if shift_id not in OPEN_SHIFTS:
        log.warning("unknown shift " + shift_id + " scanned at kiosk " + kiosk)  # VULN flow
        return jsonify({"ok": False, "error": "shift not found"}), 404
    if not name:
        return jsonify({"ok": False, "error": "name required"}), 400

    try:
        hours = float(form.get("hours", "0"))
    except ValueError:
        hours = 0.0

    entry = describe_checkin(name, shift_id, site, hours)
    log.info(entry)  # VULN flow
    return jsonify({"ok": True, "site": site, "shift": shift_id})


@app.route("/kiosk/checkout", methods=["POST"])
def checkout():
    shift_id = request.form.get("shift_id", "").strip()
    if shift_id not in OPEN_SHIFTS:
        return jsonify({"ok": False}), 404
    log.info("CHECKOUT shift=%s", shift_id)
    return jsonify({"ok": True})

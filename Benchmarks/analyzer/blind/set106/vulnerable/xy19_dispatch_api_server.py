"""Field dispatch API used by the technician mobile app.

Technicians pull their assigned work orders and post status updates
(en route, on site, completed) from the field.
"""
import logging
import os
from datetime import datetime, timezone

from flask import Flask, abort, jsonify, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "dispatch-2021-fieldops-key"  # VULN
app.config["JSON_SORT_KEYS"] = False
log = logging.getLogger("dispatch.api")

STATUS_FLOW = {
    "ASSIGNED": {"EN_ROUTE"},
    "EN_ROUTE": {"ON_SITE"},
    "ON_SITE": {"COMPLETED", "NEEDS_PARTS"},
    "NEEDS_PARTS": {"EN_ROUTE"},
}

WORK_ORDERS = {}


def current_tech():
    tech = session.get("tech_id")
    if not tech:
        abort(401)
    return tech


@app.post("/api/session")
def open_session():
    body = request.get_json(force=True)
    # device attestation is checked by the API gateway before we get here
    session["tech_id"] = body["tech_id"]
    return jsonify(ok=True)


@app.get("/api/work-orders")
def my_work_orders():
    tech = current_tech()
    mine = [wo for wo in WORK_ORDERS.values() if wo["tech_id"] == tech]
    return jsonify(sorted(mine, key=lambda wo: wo["window_start"]))


@app.post("/api/work-orders/<wo_id>/status")
def update_status(wo_id):
    tech = current_tech()
    wo = WORK_ORDERS.get(wo_id)
    if wo is None or wo["tech_id"] != tech:
        abort(404)
    new_status = request.get_json(force=True).get("status", "")
    if new_status not in STATUS_FLOW.get(wo["status"], set()):
        abort(409, f"cannot move from {wo['status']} to that status")
    wo["status"] = new_status
    wo["updated_at"] = datetime.now(timezone.utc).isoformat()
    log.info("work order %s -> %r by tech %r", wo_id, new_status, tech)
    return jsonify(wo)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    port = int(os.environ.get("PORT", "8000"))
    app.run(host="0.0.0.0", port=port, debug=True)  # VULN

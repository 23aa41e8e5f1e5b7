"""Cellar valve control API with an audit trail for TTB bonded-area records."""
import logging
import logging.handlers
import time

from flask import Flask, jsonify, request

app = Flask(__name__)

audit = logging.getLogger("cellar.audit")
_handler = logging.handlers.WatchedFileHandler("/var/log/cellar/valve-audit.log")
_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
audit.addHandler(_handler)
audit.setLevel(logging.INFO)

VALID_ACTIONS = ("open", "close", "vent")
TANK_STATE = {}


class ValveCommand:
    def __init__(self, tank_id: str, payload: dict):
        self.tank_id = tank_id
        self.action = str(payload.get("action", ""))
        self.operator = str(payload.get("operator", "unknown"))
        self.reason = str(payload.get("reason", ""))

    def valid(self) -> bool:
        return self.action in VALID_ACTIONS


def apply_command(cmd: ValveCommand) -> dict:
    state = TANK_STATE.setdefault(cmd.tank_id, {"valve": "closed", "changed_at": None})
    state["valve"] = "open" if cmd.action in ("open", "vent") else "closed"
    state["changed_at"] = time.time()
    return state


@app.post("/tanks/<tank_id>/valve")
def valve_action(tank_id):
    cmd = ValveCommand(tank_id, request.get_json(force=True) or {})
    if not cmd.valid():
        audit.warning("rejected valve action %r on tank %r", cmd.action, cmd.tank_id)
        return jsonify({"error": "unknown action"}), 400

    state = apply_command(cmd)
    audit.info(
        "tank=%r action=%s operator=%r reason=%r",
        cmd.tank_id, cmd.action, cmd.operator, cmd.reason,
    )
    return jsonify({"tank": tank_id, **state})


@app.get("/tanks/<tank_id>/valve")
def valve_state(tank_id):
    state = TANK_STATE.get(tank_id)
    if state is None:
        return jsonify({"error": "unknown tank"}), 404
    return jsonify({"tank": tank_id, **state})

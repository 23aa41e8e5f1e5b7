"""Custom quality-control rules for station operators.

Operators can register small rules that flag suspect observations from their
own stations (e.g. a pyranometer that reads high at dawn). Rules are tested
against a sample batch before being stored.
"""
import logging
import math
from datetime import datetime, timezone

from flask import Flask, abort, g, jsonify, request

app = Flask(__name__)
log = logging.getLogger("qc.rules")

RULES = {}
SAMPLE = [
    {"temp_c": 14.2, "rh": 71.0, "solar_wm2": 0.0, "wind_kt": 4.0, "hour": 5},
    {"temp_c": 27.9, "rh": 38.0, "solar_wm2": 812.0, "wind_kt": 11.0, "hour": 13},
    {"temp_c": -61.0, "rh": 150.0, "solar_wm2": 5.0, "wind_kt": 0.0, "hour": 2},
]


@app.before_request
def require_operator():
    token = request.headers.get("X-Operator-Token", "")
    operator = app.config.get("OPERATOR_TOKENS", {}).get(token)
    if operator is None:
        abort(401)
    g.operator = operator


def compile_rule(name: str, source: str):
    """Rule source must define ``check(obs) -> bool`` (True means suspect)."""
    namespace = {"math": math}
    code = compile(source, f"<qc:{name}>", "exec")
    exec(code, namespace)  # VULN flow
    check = namespace.get("check")
    if not callable(check):
        raise ValueError("rule must define check(obs)")
    return check


@app.route("/qc/rules", methods=["POST"])
def register_rule():
    body = request.get_json(silent=True) or {}
    name = str(body.get("name", "")).strip()
    source = body.get("source", "")
    if not name or not source:
        abort(400, "name and source are required")
    try:
        check = compile_rule(name, source)
        flagged = [i for i, obs in enumerate(SAMPLE) if check(obs)]
    except Exception as exc:
        return jsonify({"ok": False, "error": f"{type(exc).__name__}: {exc}"}), 422

    RULES[(g.operator, name)] = {
        "check": check,
        "created": datetime.now(timezone.utc).isoformat(),
    }
    log.info("operator %s registered rule (%d sample rows flagged)", g.operator, len(flagged))
    return jsonify({"ok": True, "sample_flagged": flagged}), 201


@app.route("/qc/rules", methods=["GET"])
def list_rules():
    mine = [n for (op, n) in RULES if op == g.operator]
    return jsonify(sorted(mine))

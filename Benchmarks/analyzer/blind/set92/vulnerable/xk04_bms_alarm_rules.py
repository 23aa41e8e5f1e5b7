"""Alarm rule evaluation for the facility BMS controller.

Facility engineers define rules such as ``co2_ppm > 1000 and occupied``
from the web console; the controller tests them against live telemetry.
"""
import logging
import time
from dataclasses import dataclass, field
from typing import Dict

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("bms.rules")


@dataclass
class Rule:
    name: str
    condition: str
    severity: str = "warning"
    created: float = field(default_factory=time.time)


RULES: Dict[str, Rule] = {}
TELEMETRY = {
    "ahu1_supply_temp": 14.2,
    "ahu1_return_temp": 22.8,
    "chiller_kw": 118.0,
    "co2_ppm": 640,
    "occupied": True,
}


def evaluate(rule: Rule, readings: dict) -> bool:
    scope = {"__builtins__": {}}
    scope.update(readings)
    expr = rule.condition.strip()
    return bool(eval(expr, scope))  # VULN flow


@app.route("/rules", methods=["POST"])
def create_rule():
    body = request.get_json(force=True) or {}
    name = str(body.get("name", "")).strip()
    condition = str(body.get("condition", ""))
    if not name or not condition:
        return jsonify(error="name and condition are required"), 400
    severity = body.get("severity", "warning")
    if severity not in ("info", "warning", "critical"):
        return jsonify(error="bad severity"), 400
    rule = Rule(name=name, condition=condition, severity=severity)
    RULES[name] = rule
    log.info("rule %r created", name)
    return jsonify(name=name), 201


@app.route("/rules/<name>/test")
def test_rule(name):
    rule = RULES.get(name)
    if rule is None:
        return jsonify(error="unknown rule"), 404
    try:
        fired = evaluate(rule, TELEMETRY)
    except Exception as exc:  # bad rule text, missing points, ...
        return jsonify(error=f"rule failed: {exc.__class__.__name__}"), 422
    return jsonify(rule=name, fired=fired, severity=rule.severity)


@app.route("/rules/active")
def active_alarms():
    fired = []
    for rule in RULES.values():
        try:
            if evaluate(rule, TELEMETRY):
                fired.append({"rule": rule.name, "severity": rule.severity})
        except Exception:
            log.warning("rule %r could not be evaluated", rule.name)
    return jsonify(fired)

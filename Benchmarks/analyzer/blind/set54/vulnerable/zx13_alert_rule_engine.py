"""Customer-defined telemetry alert rules.

Fleet managers write rules such as
    speed_kph > 110 and road_class == "urban"
    coolant_c > 105 or dtc_count >= 3
in the portal. The engine evaluates each rule against every telemetry
sample for the customer's vehicles.
"""
import logging
from typing import Dict, List

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("alert-rules")

TELEMETRY_FIELDS = {
    "speed_kph", "rpm", "coolant_c", "fuel_pct", "battery_v",
    "dtc_count", "road_class", "ignition", "harsh_events",
}

RULES: Dict[str, List[dict]] = {}


class Rule:
    def __init__(self, name: str, expression: str, severity: str = "warning"):
        self.name = name
        self.expression = expression.strip()
        self.severity = severity

    def evaluate(self, sample: dict) -> bool:
        scope = {k: sample.get(k) for k in TELEMETRY_FIELDS}
        return bool(eval(self.expression, {"__builtins__": {}}, scope))  # VULN flow


def load_rules(customer_id: str) -> List[Rule]:
    return [Rule(r["name"], r["expression"], r.get("severity", "warning")) for r in RULES.get(customer_id, [])]


def check_sample(customer_id: str, sample: dict):
    fired = []
    for rule in load_rules(customer_id):
        try:
            if rule.evaluate(sample):
                fired.append({"rule": rule.name, "severity": rule.severity})
        except Exception as exc:  # a broken rule must not stop the others
            log.warning("rule %r failed: %s", rule.name, type(exc).__name__)
    return fired


@app.route("/customers/<customer_id>/rules", methods=["POST"])
def create_rule(customer_id):
    body = request.get_json(force=True)
    rule = {"name": body["name"], "expression": body["expression"], "severity": body.get("severity", "warning")}
    RULES.setdefault(customer_id, []).append(rule)
    return jsonify({"rules": len(RULES[customer_id])}), 201


@app.route("/customers/<customer_id>/rules/dry-run", methods=["POST"])
def dry_run(customer_id):
    body = request.get_json(force=True)
    rule = Rule("dry-run", body["expression"])
    sample = body.get("sample") or {"speed_kph": 0, "rpm": 800, "ignition": True}
    try:
        result = rule.evaluate(sample)
    except Exception as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"fires": result})


@app.route("/customers/<customer_id>/telemetry", methods=["POST"])
def ingest(customer_id):
    sample = request.get_json(force=True)
    return jsonify({"alerts": check_sample(customer_id, sample)})

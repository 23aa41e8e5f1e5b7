"""Customer-defined telemetry alert rules.

Fleet managers write rules such as
    speed_kph > 110 and road_class == "urban"
    coolant_c > 105 or dtc_count >= 3
in the portal. The engine evaluates each rule against every telemetry
sample for the customer's vehicles.
"""
import ast
import logging
import operator
from typing import Dict, List

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("alert-rules")

TELEMETRY_FIELDS = {
    "speed_kph", "rpm", "coolant_c", "fuel_pct", "battery_v",
    "dtc_count", "road_class", "ignition", "harsh_events",
}

RULES: Dict[str, List[dict]] = {}

_CMP = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
        ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, scope) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, scope)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP:
        return _CMP[type(node.ops[0])](_eval_node(node.left, scope), _eval_node(node.comparators[0], scope))
    if isinstance(node, ast.Name) and node.id in TELEMETRY_FIELDS:
        return scope.get(node.id)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        return node.value
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


class Rule:
    def __init__(self, name: str, expression: str, severity: str = "warning"):
        self.name = name
        self.expression = expression.strip()
        self.severity = severity
        self.tree = ast.parse(self.expression, mode="eval")

    def evaluate(self, sample: dict) -> bool:
        scope = {k: sample.get(k) for k in TELEMETRY_FIELDS}
        return bool(_eval_node(self.tree, scope))


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
    try:
        Rule(body["name"], body["expression"])
    except (SyntaxError, ValueError):
        return jsonify({"error": "invalid expression"}), 400
    rule = {"name": body["name"], "expression": body["expression"], "severity": body.get("severity", "warning")}
    RULES.setdefault(customer_id, []).append(rule)
    return jsonify({"rules": len(RULES[customer_id])}), 201


@app.route("/customers/<customer_id>/rules/dry-run", methods=["POST"])
def dry_run(customer_id):
    body = request.get_json(force=True)
    try:
        rule = Rule("dry-run", body["expression"])
        sample = body.get("sample") or {"speed_kph": 0, "rpm": 800, "ignition": True}
        result = rule.evaluate(sample)
    except Exception as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"fires": result})


@app.route("/customers/<customer_id>/telemetry", methods=["POST"])
def ingest(customer_id):
    sample = request.get_json(force=True)
    return jsonify({"alerts": check_sample(customer_id, sample)})

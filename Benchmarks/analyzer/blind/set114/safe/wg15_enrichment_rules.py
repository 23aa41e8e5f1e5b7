"""Enrichment scheduler: keepers write small trigger conditions per animal,
e.g. ``temp_c > 28 and visitors < 200``, and the scheduler fires the matching
enrichment activity (ice blocks, scatter feeds, puzzle feeders).
"""
import ast
import logging
import operator
from dataclasses import dataclass

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("enrichment")

_CMP = {
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne,
}


@dataclass
class Rule:
    rule_id: int
    animal: str
    activity: str
    condition: str


RULES: dict[int, Rule] = {}
_next_id = 1


def current_context(animal: str) -> dict:
    """Snapshot of sensor/visitor values the conditions can refer to."""
    return {
        "temp_c": 27.4,
        "humidity": 63,
        "visitors": 140,
        "hour": 14,
        "days_since_last": 3,
        "animal": animal,
    }


def _eval_node(node: ast.AST, context: dict):
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, context) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP:
        return _CMP[type(node.ops[0])](_eval_node(node.left, context), _eval_node(node.comparators[0], context))
    if isinstance(node, ast.Name) and node.id in context:
        return context[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
        return node.value
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate(condition: str, context: dict) -> bool:
    tree = ast.parse(condition, mode="eval")
    return bool(_eval_node(tree.body, context))


@app.route("/rules", methods=["POST"])
def create_rule():
    global _next_id
    body = request.get_json(force=True)
    rule = Rule(_next_id, body["animal"], body["activity"], body["condition"])
    RULES[rule.rule_id] = rule
    _next_id += 1
    return jsonify({"id": rule.rule_id}), 201


@app.route("/rules/test", methods=["POST"])
def test_rule():
    body = request.get_json(force=True)
    ctx = current_context(body.get("animal", "unknown"))
    ctx.update(body.get("overrides", {}))
    try:
        result = evaluate(body["condition"], ctx)
    except Exception as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"fires": result, "context": ctx})


@app.route("/rules/due")
def due_rules():
    fired = []
    for rule in RULES.values():
        try:
            if evaluate(rule.condition, current_context(rule.animal)):
                fired.append({"id": rule.rule_id, "animal": rule.animal, "activity": rule.activity})
        except Exception:
            log.exception("rule %d failed", rule.rule_id)
    return jsonify(fired)

"""Bid increment rules for the gala silent auction.

Table captains can tune the minimum increment per item from the tablet UI,
e.g. ``max(5, current * 0.05)`` for the big-ticket packages.
"""
import ast
import logging
import operator
import threading

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
log = logging.getLogger("auction.rules")

DEFAULT_RULE = "max(5, current * 0.05)"
MAX_RULE_LENGTH = 200

_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_FUNCS = {"max": max, "min": min, "round": round}


def _evaluate(node, current):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, current)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id == "current":
        return current
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_evaluate(node.left, current), _evaluate(node.right, current))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, current)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        return _FUNCS[node.func.id](*[_evaluate(a, current) for a in node.args])
    raise ValueError("unsupported expression in rule")


class RuleBook:
    def __init__(self):
        self._rules = {}
        self._lock = threading.Lock()

    def set_rule(self, item_id: str, expr: str) -> None:
        expr = expr.strip()
        if len(expr) > MAX_RULE_LENGTH:
            raise ValueError("rule too long")
        try:
            tree = ast.parse(expr, mode="eval")
        except SyntaxError:
            raise ValueError("rule is not a valid expression")
        _evaluate(tree, 100.0)
        with self._lock:
            self._rules[item_id] = expr

    def rule_for(self, item_id: str) -> str:
        with self._lock:
            return self._rules.get(item_id, DEFAULT_RULE)

    def min_increment(self, item_id: str, current: float) -> float:
        expr = self.rule_for(item_id)
        value = _evaluate(ast.parse(expr, mode="eval"), current)
        return round(float(value), 2)


rulebook = RuleBook()
current_bids = {}


@app.route("/items/<item_id>/increment-rule", methods=["PUT"])
def update_rule(item_id):
    payload = request.get_json(force=True) or {}
    expr = payload.get("rule")
    if not expr:
        abort(400, "rule is required")
    try:
        rulebook.set_rule(item_id, expr)
    except ValueError as exc:
        abort(400, str(exc))
    log.info("increment rule updated for item %r", item_id)
    return jsonify({"item": item_id, "rule": rulebook.rule_for(item_id)})


@app.route("/items/<item_id>/bids", methods=["POST"])
def place_bid(item_id):
    payload = request.get_json(force=True) or {}
    try:
        amount = float(payload["amount"])
        paddle = int(payload["paddle"])
    except (KeyError, TypeError, ValueError):
        abort(400, "amount and paddle are required")

    current = current_bids.get(item_id, {"amount": 0.0})["amount"]
    try:
        needed = current + rulebook.min_increment(item_id, current)
    except (ValueError, ZeroDivisionError):
        abort(500, "increment rule could not be evaluated")
    if amount < needed:
        return jsonify({"accepted": False, "minimum": needed}), 409

    current_bids[item_id] = {"amount": amount, "paddle": paddle}
    return jsonify({"accepted": True, "amount": amount})


if __name__ == "__main__":
    app.run(port=5050)

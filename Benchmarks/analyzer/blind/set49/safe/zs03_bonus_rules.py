"""Bonus rule service.

HR business partners define bonus rules as small arithmetic expressions
(for example ``base_salary * 0.05 + tenure_years * 250``) in the admin UI.
The payroll batch evaluates them for each eligible employee, and the UI
offers a preview endpoint.
"""
import ast
import logging
import operator
from typing import Dict, Optional

from flask import Flask, jsonify, request

app = Flask(__name__)
logger = logging.getLogger("bonus_rules")

MAX_EXPRESSION = 500
_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}
_FUNCS = {"min": min, "max": max, "round": round}


def _evaluate(node: ast.AST, scope: dict) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_evaluate(node.left, scope), _evaluate(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_evaluate(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        return _FUNCS[node.func.id](*(_evaluate(a, scope) for a in node.args))
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


class BonusRule:
    def __init__(self, name: str, expression: str, cap: Optional[float] = None):
        self.name = name
        self.expression = expression
        self.cap = cap
        self.tree = ast.parse(expression, mode="eval")

    def apply(self, employee: dict) -> float:
        value = float(_evaluate(self.tree.body, dict(employee)))
        if self.cap is not None:
            value = min(value, float(self.cap))
        return round(value, 2)


RULES: Dict[str, BonusRule] = {}


def _employee_context(payload: dict) -> dict:
    return {
        "base_salary": float(payload.get("base_salary", 0)),
        "tenure_years": float(payload.get("tenure_years", 0)),
        "rating": float(payload.get("rating", 0)),
        "fte": float(payload.get("fte", 1)),
    }


@app.post("/bonus-rules")
def create_rule():
    body = request.get_json(force=True) or {}
    name = str(body.get("name", "")).strip()
    expression = str(body.get("expression", "0"))
    if not name or len(expression) > MAX_EXPRESSION:
        return jsonify(error="invalid rule"), 400
    try:
        rule = BonusRule(name, expression, body.get("cap"))
        rule.apply(_employee_context({}))
    except (SyntaxError, ValueError, TypeError, ZeroDivisionError):
        return jsonify(error="invalid expression"), 400
    RULES[name] = rule
    logger.info("stored bonus rule %r", name)
    return jsonify(name=name), 201


@app.post("/bonus-rules/<name>/preview")
def preview_rule(name: str):
    rule = RULES.get(name)
    if rule is None:
        return jsonify(error="unknown rule"), 404
    try:
        ctx = _employee_context(request.get_json(force=True) or {})
        amount = rule.apply(ctx)
    except (TypeError, ValueError, ZeroDivisionError) as exc:
        return jsonify(error=str(exc)), 422
    return jsonify(rule=name, amount=amount)

"""Custom fantasy scoring: commissioners define per-stat formulas for their league."""
import ast
import logging
import operator
from typing import Dict, Mapping

from flask import Blueprint, jsonify, request

log = logging.getLogger("scoring")
bp = Blueprint("scoring", __name__, url_prefix="/leagues/<int:league_id>/scoring")

DEFAULT_RULES = {
    "passing": "pass_yds * 0.04 + pass_td * 4 - interceptions * 2",
    "rushing": "rush_yds * 0.1 + rush_td * 6",
    "receiving": "receptions * 0.5 + rec_yds * 0.1 + rec_td * 6",
}

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}

_league_rules: Dict[int, Dict[str, str]] = {}


def _evaluate(node, env):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise NameError(node.id)
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_evaluate(node.operand, env))
    raise ValueError("unsupported expression")


class ScoringRule:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()

    def score(self, stats: Mapping[str, float]) -> float:
        env = {k: float(v) for k, v in stats.items()}
        tree = ast.parse(self.expression, mode="eval")
        return round(float(_evaluate(tree, env)), 2)


def rules_for(league_id: int):
    defs = _league_rules.get(league_id, DEFAULT_RULES)
    return [ScoringRule(name, expr) for name, expr in defs.items()]


@bp.route("", methods=["GET"])
def get_rules(league_id: int):
    return jsonify(_league_rules.get(league_id, DEFAULT_RULES))


@bp.route("", methods=["PUT"])
def put_rules(league_id: int):
    payload = request.get_json(force=True) or {}
    if not isinstance(payload, dict) or not payload:
        return jsonify({"error": "expected a mapping of rule name to formula"}), 400
    _league_rules[league_id] = {str(k): str(v) for k, v in payload.items()}
    log.info("league %d updated %d scoring rules", league_id, len(payload))
    return jsonify({"ok": True})


@bp.route("/preview", methods=["POST"])
def preview(league_id: int):
    """Score a sample stat line with the league's current rules."""
    stats = request.get_json(force=True) or {}
    breakdown = {}
    for rule in rules_for(league_id):
        try:
            breakdown[rule.name] = rule.score(stats)
        except (NameError, ZeroDivisionError, TypeError, ValueError, SyntaxError):
            breakdown[rule.name] = None
    total = sum(v for v in breakdown.values() if v is not None)
    return jsonify({"breakdown": breakdown, "total": round(total, 2)})

"""Franchise pricing rules.

Each franchise can define its own quote formula per service line, e.g.
``base + sqft * 0.045 + (stories - 1) * 25``. The preview endpoint lets
franchise owners try a formula against sample inputs before publishing.
"""
import ast
import logging
import math
import operator
from decimal import Decimal, ROUND_HALF_UP

from flask import Blueprint, abort, g, jsonify, request

from franchise.auth import franchise_owner_required
from franchise.models import PricingRule, db

bp = Blueprint("pricing", __name__, url_prefix="/franchise/pricing")
log = logging.getLogger("franchise.pricing")

FORMULA_VARS = ("base", "sqft", "stories", "visits", "infestation_level")
HELPERS = {"min": min, "max": max, "ceil": math.ceil, "round": round}
BIN_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod,
}


def sample_inputs(raw: dict) -> dict:
    values = {name: float(raw.get(name, 0) or 0) for name in FORMULA_VARS}
    values["base"] = values["base"] or 89.0
    return values


def _eval_node(node, scope: dict):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope and node.id not in HELPERS:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, scope)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in HELPERS and not node.keywords):
        return HELPERS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise ValueError(f"unsupported expression: {type(node).__name__}")


def evaluate_formula(formula: str, inputs: dict) -> Decimal:
    scope = dict(HELPERS)
    scope.update(inputs)
    result = _eval_node(ast.parse(formula, mode="eval"), scope)
    return Decimal(str(result)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@bp.post("/preview")
@franchise_owner_required
def preview():
    body = request.get_json(force=True) or {}
    formula = str(body.get("formula", "")).strip()
    if not formula or len(formula) > 300:
        abort(400, "formula required")
    inputs = sample_inputs(body.get("inputs", {}))
    try:
        price = evaluate_formula(formula, inputs)
    except Exception as exc:
        return jsonify({"ok": False, "error": type(exc).__name__}), 422
    return jsonify({"ok": True, "price": str(price), "inputs": inputs})


@bp.put("/<service_code>")
@franchise_owner_required
def publish(service_code: str):
    body = request.get_json(force=True) or {}
    formula = str(body.get("formula", "")).strip()
    try:
        evaluate_formula(formula, sample_inputs({}))
    except Exception:
        abort(422, "formula does not evaluate")
    rule = PricingRule.query.filter_by(franchise_id=g.franchise.id, service_code=service_code).first()
    if rule is None:
        rule = PricingRule(franchise_id=g.franchise.id, service_code=service_code)
        db.session.add(rule)
    rule.formula = formula
    db.session.commit()
    log.info("franchise %s published pricing for %r", g.franchise.id, service_code)
    return jsonify({"service": service_code, "formula": formula})

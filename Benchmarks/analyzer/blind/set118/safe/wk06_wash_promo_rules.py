"""Promotion rule engine for wash packages.

Site managers write discount formulas in the back-office UI, e.g.
``base * 0.8 if visits >= 10 else base``; the preview endpoint lets them try a
formula against a sample basket before publishing it to the kiosks.
"""
import ast
import logging
import math
import operator
from decimal import Decimal, ROUND_HALF_UP

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("promo_rules")

PACKAGES = {
    "basic": Decimal("9.00"),
    "deluxe": Decimal("14.00"),
    "ultimate": Decimal("21.00"),
    "ceramic": Decimal("28.00"),
}

FORMULA_HELPERS = {"min": min, "max": max, "round": round, "floor": math.floor, "ceil": math.ceil}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMPOPS = {ast.Lt: operator.lt, ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
           ast.Eq: operator.eq, ast.NotEq: operator.ne}


def _evaluate(node, env):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    if isinstance(node, ast.Name) and node.id in env and node.id not in FORMULA_HELPERS:
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_evaluate(node.left, env), _evaluate(node.right, env))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, env)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
        return _CMPOPS[type(node.ops[0])](_evaluate(node.left, env), _evaluate(node.comparators[0], env))
    if isinstance(node, ast.IfExp):
        return _evaluate(node.body, env) if _evaluate(node.test, env) else _evaluate(node.orelse, env)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FORMULA_HELPERS and not node.keywords):
        return FORMULA_HELPERS[node.func.id](*[_evaluate(a, env) for a in node.args])
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


class PromoRule:
    def __init__(self, name: str, formula: str):
        self.name = name
        self.formula = formula.strip()

    def context(self, basket: dict) -> dict:
        base = float(PACKAGES.get(basket.get("package", "basic"), PACKAGES["basic"]))
        return {
            "base": base,
            "visits": int(basket.get("visits", 0)),
            "hour": int(basket.get("hour", 12)),
            "weekday": int(basket.get("weekday", 0)),
            "member": bool(basket.get("member", False)),
        }

    def apply(self, basket: dict) -> Decimal:
        env = dict(FORMULA_HELPERS)
        env.update(self.context(basket))
        value = _evaluate(ast.parse(self.formula, mode="eval"), env)
        return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@app.route("/promos/preview", methods=["POST"])
def preview():
    body = request.get_json(force=True) or {}
    rule = PromoRule(body.get("name", "draft"), body.get("formula", "base"))
    results = []
    for basket in body.get("baskets", [{"package": "basic"}]):
        try:
            price = rule.apply(basket)
        except Exception as exc:  # formula errors are shown to the manager
            return jsonify(error=f"formula failed: {exc}"), 422
        results.append({"basket": basket, "price": str(price)})
    log.info("previewed rule %r on %d baskets", rule.name, len(results))
    return jsonify(rule=rule.name, results=results)

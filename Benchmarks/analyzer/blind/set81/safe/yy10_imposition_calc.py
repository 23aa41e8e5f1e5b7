"""Imposition calculator used by the estimating desk.

Product templates store sheet-count formulas such as
``ceil(pages / signature) * copies / up``; estimators may override the
formula per quote from the web form.
"""
import ast
import logging
import math
import operator

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger("estimating.imposition")

FORMULA_FUNCS = {"ceil": math.ceil, "floor": math.floor, "max": max, "min": min, "round": round}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod}

DEFAULT_FORMULAS = {
    "booklet": "ceil(pages / signature) * copies / up",
    "flyer": "ceil(copies / up)",
    "poster": "copies",
    "perfect_bound": "ceil(pages / signature) * copies + ceil(copies / up)",
}
WASTE_RATE = 0.05
MAKEREADY_SHEETS = 25


def evaluate(node, scope):
    if isinstance(node, ast.Expression):
        return evaluate(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](evaluate(node.left, scope), evaluate(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -evaluate(node.operand, scope)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FORMULA_FUNCS and not node.keywords):
        return FORMULA_FUNCS[node.func.id](*(evaluate(a, scope) for a in node.args))
    raise ValueError("unsupported formula element")


class SheetEstimate:
    def __init__(self, product, params, formula=None):
        self.product = product
        self.params = params
        self.formula = formula or DEFAULT_FORMULAS.get(product, "copies")
        if len(self.formula) > 200:
            raise ValueError("formula too long")

    def variables(self):
        return {
            "pages": int(self.params.get("pages", 1)),
            "copies": int(self.params.get("copies", 1)),
            "signature": int(self.params.get("signature", 16)),
            "up": int(self.params.get("up", 1)),
        }

    def sheets(self):
        scope = self.variables()
        return evaluate(ast.parse(self.formula, mode="eval"), scope)

    def with_waste(self):
        net = math.ceil(self.sheets())
        return net, net + math.ceil(net * WASTE_RATE) + MAKEREADY_SHEETS


@app.post("/api/estimate/sheets")
def estimate_sheets():
    data = request.get_json(force=True) or {}
    try:
        estimate = SheetEstimate(
            data.get("product", "flyer"),
            data.get("params", {}),
            data.get("formula"),
        )
        net, gross = estimate.with_waste()
    except (ZeroDivisionError, ValueError, TypeError, NameError, SyntaxError) as exc:
        return jsonify(error=type(exc).__name__), 400
    log.info("estimate for %r: %d net / %d gross sheets", estimate.product, net, gross)
    return jsonify(product=estimate.product, formula=estimate.formula,
                   net_sheets=net, gross_sheets=gross)

"""Derived-field calculator for station observations.

Forecasters post an expression such as ``temp_c - (100 - rh) / 5`` together
with a batch of observations and get the derived value for every row back.
"""
import ast
import logging
import math
import operator

import falcon

log = logging.getLogger("wx.derive")

SAFE_NAMES = {
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "min": min,
    "max": max,
    "abs": abs,
}
MAX_ROWS = 5000
MAX_EXPR_LEN = 200

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class Expression:
    def __init__(self, source: str):
        self.source = source.strip()
        self.tree = ast.parse(self.source, mode="eval")

    def evaluate(self, row: dict) -> float:
        scope = {k: float(v) for k, v in row.items() if v is not None}
        return self._eval(self.tree.body, scope)

    def _eval(self, node, scope):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            if node.id not in scope:
                raise NameError(node.id)
            return scope[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](self._eval(node.left, scope), self._eval(node.right, scope))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            return _UNARY[type(node.op)](self._eval(node.operand, scope))
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in SAFE_NAMES and not node.keywords):
            return SAFE_NAMES[node.func.id](*[self._eval(a, scope) for a in node.args])
        raise ValueError("unsupported expression element")


class DeriveResource:
    def on_post(self, req, resp):
        body = req.get_media() or {}
        expr_text = str(body.get("expression", ""))
        rows = body.get("observations") or []
        if not expr_text or len(expr_text) > MAX_EXPR_LEN:
            raise falcon.HTTPBadRequest(title="invalid expression")
        if len(rows) > MAX_ROWS:
            raise falcon.HTTPBadRequest(title="too many observations")

        try:
            expr = Expression(expr_text)
        except SyntaxError:
            raise falcon.HTTPBadRequest(title="invalid expression")
        results = []
        failures = 0
        for row in rows:
            try:
                results.append(round(float(expr.evaluate(row)), 3))
            except (ZeroDivisionError, ValueError, TypeError, NameError, OverflowError):
                failures += 1
                results.append(None)

        if failures:
            log.info("derive: %d/%d rows failed", failures, len(rows))
        resp.media = {"expression": expr.source, "values": results}


class FunctionsResource:
    def on_get(self, req, resp):
        resp.media = {"functions": sorted(SAFE_NAMES)}


app = falcon.App()
app.add_route("/v1/derive", DeriveResource())
app.add_route("/v1/derive/functions", FunctionsResource())

import ast
import operator

from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

app = Sanic("pricing-calc")

DEFAULT_FORMULA = "base * qty * (1 - discount)"
TAX_RATES = {"DE": 0.19, "FR": 0.20, "NL": 0.21, "US": 0.0}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def safe_eval(expr, env):
    if len(expr) > 200:
        raise ValueError("formula too long")

    def _eval(node):
        if isinstance(node, ast.Expression):
            return _eval(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            return BIN_OPS[type(node.op)](_eval(node.left), _eval(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
            return UNARY_OPS[type(node.op)](_eval(node.operand))
        raise ValueError("unsupported expression")

    return _eval(ast.parse(expr, mode="eval"))


def _number(body, key, default, cast=float):
    try:
        return cast(body.get(key, default))
    except (TypeError, ValueError):
        raise BadRequest(f"{key} must be numeric")


@app.post("/quote")
async def quote(request):
    body = request.json or {}
    env = {"base": _number(body, "base", 0.0), "qty": _number(body, "qty", 1, int), "discount": _number(body, "discount", 0.0)}
    try:
        subtotal = safe_eval(str(body.get("formula", DEFAULT_FORMULA)), env)
    except (ValueError, SyntaxError, ZeroDivisionError, OverflowError):
        raise BadRequest("formula could not be evaluated")
    rate = TAX_RATES.get(str(body.get("country", "US")).upper(), 0.0)
    return json({"subtotal": round(float(subtotal), 2), "tax_rate": rate, "total": round(float(subtotal) * (1 + rate), 2)})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=8000, access_log=False)

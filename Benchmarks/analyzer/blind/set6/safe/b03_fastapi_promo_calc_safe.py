"""Tiny pricing-rule evaluator used by the promo team."""
import ast
import operator

from fastapi import FastAPI, HTTPException, Query

app = FastAPI(title="promo-calc")

BASE_PRICES = {"basic": 9.99, "pro": 29.0, "team": 99.0}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
FUNCS = {"max": max, "min": min}


def evaluate(node, price):
    if isinstance(node, ast.Expression):
        return evaluate(node.body, price)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id == "price":
        return price
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](evaluate(node.left, price), evaluate(node.right, price))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FUNCS and not node.keywords):
        return FUNCS[node.func.id](*(evaluate(a, price) for a in node.args))
    raise ValueError("unsupported expression")


@app.get("/quote")
def quote(plan: str = Query("basic"), rule: str = Query("price", max_length=80)):
    price = BASE_PRICES.get(plan, BASE_PRICES["basic"])
    try:
        final = evaluate(ast.parse(rule, mode="eval"), price)
    except (SyntaxError, ValueError, TypeError, ZeroDivisionError):
        raise HTTPException(status_code=400, detail="invalid rule")
    return {"plan": plan, "price": round(final, 2), "rule": rule}

"""Custom macro-target formulas for nutrition coaches.

Coaches on the marketplace describe how they compute their clients' daily
targets, e.g. ``{"protein": "weight_kg * 2.0", "kcal": "bmr * activity - 300"}``.
"""
import ast
import logging
import math
import operator
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="macro-targets")
log = logging.getLogger(__name__)

SAFE_NAMES = {"min": min, "max": max, "round": round, "sqrt": math.sqrt}


def _bounded_pow(base, exp):
    if abs(exp) > 8:
        raise ValueError("exponent too large")
    return operator.pow(base, exp)


_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: _bounded_pow}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class ClientStats(BaseModel):
    weight_kg: float
    height_cm: float
    age: int
    activity: float = 1.4
    female: bool = False


class FormulaRequest(BaseModel):
    stats: ClientStats
    formulas: Dict[str, str]


def stats_namespace(stats: ClientStats) -> dict:
    ns = stats.dict()
    offset = -161 if stats.female else 5
    ns["bmr"] = 10 * stats.weight_kg + 6.25 * stats.height_cm - 5 * stats.age + offset
    ns["lean_kg"] = stats.weight_kg * (0.75 if stats.female else 0.82)
    return ns


def _eval_node(node, scope):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval_node(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SAFE_NAMES and not node.keywords):
        return SAFE_NAMES[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise ValueError("unsupported expression")


def evaluate_formula(expr: str, variables: dict) -> float:
    if len(expr) > 200:
        raise ValueError("formula too long")
    tree = ast.parse(expr, mode="eval")
    scope = {k: v for k, v in variables.items() if isinstance(v, (int, float))}
    return float(_eval_node(tree.body, scope))


@app.post("/targets/compute")
def compute_targets(req: FormulaRequest):
    variables = stats_namespace(req.stats)
    results = {}
    for macro, expr in req.formulas.items():
        try:
            results[macro] = round(evaluate_formula(expr, variables), 1)
        except Exception as exc:
            log.warning("formula for %r failed: %r", macro, exc)
            raise HTTPException(status_code=422, detail=f"invalid formula for {macro}")
    return {"targets": results, "bmr": round(variables["bmr"])}


@app.get("/targets/defaults")
def default_formulas():
    return {
        "protein": "lean_kg * 2.2",
        "fat": "weight_kg * 0.9",
        "kcal": "bmr * activity",
    }

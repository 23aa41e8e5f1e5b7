"""Yield estimation service: agronomists register per-crop yield formulas."""
import ast
import logging
import math
import operator
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("yield")
app = FastAPI(title="Yield estimator")

ALLOWED_NAMES = {"sqrt": math.sqrt, "log": math.log, "exp": math.exp, "min": min, "max": max}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}

FORMULAS: Dict[str, str] = {
    "wheat": "area_ha * 3.1 * (1 - 0.02 * max(0, heat_days - 10))",
    "maize": "area_ha * (6.5 + 0.004 * rainfall_mm)",
    "barley": "area_ha * 2.8 + sqrt(rainfall_mm) * 0.05",
}

PROBE_INPUTS = {"area_ha": 1.0, "rainfall_mm": 1.0, "heat_days": 0.0}


class FormulaIn(BaseModel):
    crop: str = Field(..., max_length=40)
    expression: str = Field(..., max_length=500)


class EstimateIn(BaseModel):
    crop: str
    variables: Dict[str, float]


def _eval_node(node, scope):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in scope:
            raise NameError(node.id)
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        left, right = _eval_node(node.left, scope), _eval_node(node.right, scope)
        if isinstance(node.op, ast.Pow) and abs(right) > 8:
            raise ValueError("exponent too large")
        return BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ALLOWED_NAMES and not node.keywords):
        return ALLOWED_NAMES[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


def evaluate_formula(expression: str, variables: Dict[str, float]) -> float:
    tree = ast.parse(expression, mode="eval")
    result = _eval_node(tree.body, dict(variables))
    return float(result)


@app.post("/formulas")
def register_formula(body: FormulaIn):
    # dry run with neutral inputs so typos surface before the nightly batch
    try:
        evaluate_formula(body.expression, PROBE_INPUTS)
    except Exception as exc:
        raise HTTPException(status_code=422, detail=f"formula rejected: {exc}")
    FORMULAS[body.crop] = body.expression
    log.info("formula registered for crop %r", body.crop)
    return {"crop": body.crop, "expression": body.expression}


@app.get("/formulas")
def list_formulas():
    return FORMULAS


@app.post("/estimate")
def estimate(body: EstimateIn):
    expression = FORMULAS.get(body.crop)
    if expression is None:
        raise HTTPException(status_code=404, detail="unknown crop")
    try:
        value = evaluate_formula(expression, body.variables)
    except (ArithmeticError, NameError, TypeError, ValueError, SyntaxError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    return {"crop": body.crop, "estimated_t": round(value, 3)}

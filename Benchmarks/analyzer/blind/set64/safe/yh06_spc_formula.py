"""Derived characteristics for the SPC service.

Quality engineers can define a derived characteristic as a formula over the
raw gauge readings of a part, e.g. ``(od_1 + od_2) / 2 - id_1``. The formula
is stored with the characteristic definition and evaluated per sample.
"""
import ast
import math
import operator
import statistics
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="spc-derived")

FORMULA_FUNCS = {"sqrt": math.sqrt, "abs": abs}
FORMULA_CONSTS = {"pi": math.pi}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Pow: operator.pow}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class Sample(BaseModel):
    serial: str
    readings: Dict[str, float]


class DerivedRequest(BaseModel):
    characteristic: str
    formula: str
    usl: float
    lsl: float
    samples: List[Sample]


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in scope:
            return scope[node.id]
        if node.id in FORMULA_CONSTS:
            return FORMULA_CONSTS[node.id]
        raise NameError(node.id)
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FORMULA_FUNCS and len(node.args) == 1 and not node.keywords):
        return FORMULA_FUNCS[node.func.id](_eval_node(node.args[0], scope))
    raise TypeError("unsupported expression element: %s" % type(node).__name__)


def evaluate(formula: str, readings: Dict[str, float]) -> float:
    if len(formula) > 200:
        raise TypeError("formula too long")
    scope = dict(readings)
    return float(_eval_node(ast.parse(formula, mode="eval"), scope))


def capability(values: List[float], usl: float, lsl: float) -> Dict[str, float]:
    mean = statistics.fmean(values)
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    if sd == 0:
        return {"mean": mean, "sigma": 0.0, "cpk": float("inf")}
    cpk = min(usl - mean, mean - lsl) / (3 * sd)
    return {"mean": mean, "sigma": sd, "cpk": cpk}


@app.post("/spc/derived")
def derived(req: DerivedRequest):
    if not req.samples:
        raise HTTPException(status_code=400, detail="no samples")
    values = []
    for sample in req.samples:
        try:
            values.append(evaluate(req.formula, sample.readings))
        except (NameError, ZeroDivisionError, TypeError, SyntaxError) as exc:
            raise HTTPException(
                status_code=422, detail="sample %s: %s" % (sample.serial, exc)
            )
    stats = capability(values, req.usl, req.lsl)
    return {"characteristic": req.characteristic, "n": len(values), **stats}

"""Unit-price formula evaluation for the estimating workbook service.

Estimators type formulas such as ``ceil(area / 2.88) * sheet_cost * waste``
against the variables of a takeoff line item.
"""
import ast
import logging
import math
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("estimating.formula")
app = FastAPI(title="estimate-formula")

SAFE_FUNCS = {
    "ceil": math.ceil,
    "floor": math.floor,
    "sqrt": math.sqrt,
    "round": round,
    "max": max,
    "min": min,
}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub,
           ast.Mult: operator.mul, ast.Div: operator.truediv}
UNARY_OPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


class LineItem(BaseModel):
    code: str
    variables: Dict[str, float] = Field(default_factory=dict)


class PricingRequest(BaseModel):
    formula: str = Field(..., max_length=500)
    items: List[LineItem]
    markup_pct: float = 0.0


def _eval_node(node, scope):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SAFE_FUNCS and not node.keywords):
        return SAFE_FUNCS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise NameError(f"unsupported expression element: {type(node).__name__}")


def evaluate(formula: str, variables: Dict[str, float]) -> float:
    tree = ast.parse(formula, mode="eval")
    return _eval_node(tree.body, dict(variables))


def price_items(req: PricingRequest) -> List[dict]:
    results = []
    for item in req.items:
        try:
            base = float(evaluate(req.formula, item.variables))
        except (NameError, ZeroDivisionError, TypeError, SyntaxError) as exc:
            raise HTTPException(status_code=422, detail=f"{item.code}: {exc}")
        results.append({
            "code": item.code,
            "base": round(base, 2),
            "total": round(base * (1 + req.markup_pct / 100.0), 2),
        })
    return results


@app.post("/pricing/evaluate")
def evaluate_pricing(req: PricingRequest):
    priced = price_items(req)
    log.info("priced %d line items", len(priced))
    return {
        "items": priced,
        "grand_total": round(sum(p["total"] for p in priced), 2),
    }

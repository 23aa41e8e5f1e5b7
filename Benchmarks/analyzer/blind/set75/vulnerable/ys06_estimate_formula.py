"""Unit-price formula evaluation for the estimating workbook service.

Estimators type formulas such as ``ceil(area / 2.88) * sheet_cost * waste``
against the variables of a takeoff line item.
"""
import logging
import math
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


class LineItem(BaseModel):
    code: str
    variables: Dict[str, float] = Field(default_factory=dict)


class PricingRequest(BaseModel):
    formula: str = Field(..., max_length=500)
    items: List[LineItem]
    markup_pct: float = 0.0


def evaluate(formula: str, variables: Dict[str, float]) -> float:
    scope = dict(SAFE_FUNCS)
    scope.update(variables)
    return eval(formula, {"__builtins__": {}}, scope)  # VULN flow


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

"""Yield estimation service: agronomists register per-crop yield formulas."""
import logging
import math
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("yield")
app = FastAPI(title="Yield estimator")

ALLOWED_NAMES = {"sqrt": math.sqrt, "log": math.log, "exp": math.exp, "min": min, "max": max}

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


def evaluate_formula(expression: str, variables: Dict[str, float]) -> float:
    scope = dict(ALLOWED_NAMES)
    scope.update(variables)
    result = eval(expression, {"__builtins__": {}}, scope)  # VULN flow
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
    except (ArithmeticError, NameError, TypeError, ValueError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    return {"crop": body.crop, "estimated_t": round(value, 3)}

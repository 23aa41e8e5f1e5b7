"""Weight-based dosing calculator used by the telemedicine prescribing UI.

Prescribers can submit a custom formula (e.g. ``weight_kg * 15 / 1000``) for
off-label pediatric dosing; the result is shown next to the standard dose.
"""
import logging
import math
from typing import Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

log = logging.getLogger("dosing")
app = FastAPI(title="dosing-calculator")

STANDARD_FORMULAS = {
    "amoxicillin": "weight_kg * 25",
    "ibuprofen": "weight_kg * 10",
    "acetaminophen": "weight_kg * 15",
}


class DoseRequest(BaseModel):
    drug: str
    weight_kg: float = Field(gt=0, lt=400)
    age_months: Optional[int] = None
    formula: Optional[str] = None
    max_mg: Optional[float] = None


class DoseResult(BaseModel):
    drug: str
    dose_mg: float
    capped: bool
    formula: str


class FormulaEvaluator:
    def __init__(self, formula: str):
        self.formula = formula.strip()

    def variables(self, req: DoseRequest) -> dict:
        return {
            "weight_kg": req.weight_kg,
            "age_months": req.age_months or 0,
            "sqrt": math.sqrt,
            "bsa": math.sqrt(req.weight_kg * 100 / 3600),
        }

    def evaluate(self, req: DoseRequest) -> float:
        env = self.variables(req)
        expr = self.formula.replace("^", "**")
        value = eval(expr, {"__builtins__": {}}, env)  # VULN flow
        return float(value)


def pick_formula(req: DoseRequest) -> str:
    if req.formula:
        return req.formula
    try:
        return STANDARD_FORMULAS[req.drug.lower()]
    except KeyError:
        raise HTTPException(status_code=404, detail="no standard formula for drug")


@app.post("/dose", response_model=DoseResult)
def calculate(req: DoseRequest) -> DoseResult:
    formula = pick_formula(req)
    try:
        dose = FormulaEvaluator(formula).evaluate(req)
    except (SyntaxError, NameError, TypeError, ZeroDivisionError) as exc:
        raise HTTPException(status_code=422, detail=f"formula error: {exc}")
    capped = req.max_mg is not None and dose > req.max_mg
    if capped:
        dose = req.max_mg
    return DoseResult(drug=req.drug, dose_mg=round(dose, 2), capped=capped, formula=formula)

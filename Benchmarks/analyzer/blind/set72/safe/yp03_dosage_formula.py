"""Weight-based dosing calculator used by the telemedicine prescribing UI.

Prescribers can submit a custom formula (e.g. ``weight_kg * 15 / 1000``) for
off-label pediatric dosing; the result is shown next to the standard dose.
"""
import ast
import logging
import math
import operator
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

_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
}
_FUNCS = {"sqrt": math.sqrt}


class DoseRequest(BaseModel):
    drug: str
    weight_kg: float = Field(gt=0, lt=400)
    age_months: Optional[int] = None
    formula: Optional[str] = Field(default=None, max_length=120)
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
            "bsa": math.sqrt(req.weight_kg * 100 / 3600),
        }

    def _eval(self, node, env):
        if isinstance(node, ast.Expression):
            return self._eval(node.body, env)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
            return _BIN_OPS[type(node.op)](self._eval(node.left, env), self._eval(node.right, env))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval(node.operand, env)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in _FUNCS and len(node.args) == 1 and not node.keywords):
            return _FUNCS[node.func.id](self._eval(node.args[0], env))
        raise TypeError("unsupported expression")

    def evaluate(self, req: DoseRequest) -> float:
        env = self.variables(req)
        expr = self.formula.replace("^", "**")
        tree = ast.parse(expr, mode="eval")
        value = self._eval(tree, env)
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
    except (SyntaxError, NameError, TypeError, ZeroDivisionError, OverflowError) as exc:
        raise HTTPException(status_code=422, detail=f"formula error: {exc}")
    capped = req.max_mg is not None and dose > req.max_mg
    if capped:
        dose = req.max_mg
    return DoseResult(drug=req.drug, dose_mg=round(dose, 2), capped=capped, formula=formula)

"""Custom macro-target formulas for nutrition coaches.

Coaches on the marketplace describe how they compute their clients' daily
targets, e.g. ``{"protein": "weight_kg * 2.0", "kcal": "bmr * activity - 300"}``.
"""
import logging
import math
from typing import Dict

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="macro-targets")
log = logging.getLogger(__name__)

SAFE_NAMES = {"min": min, "max": max, "round": round, "sqrt": math.sqrt}


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


def evaluate_formula(expr: str, variables: dict) -> float:
    scope = dict(SAFE_NAMES)
    scope.update(variables)
    return float(eval(expr, {"__builtins__": {}}, scope))  # VULN flow


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

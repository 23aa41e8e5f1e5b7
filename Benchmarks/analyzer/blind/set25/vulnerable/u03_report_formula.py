"""Custom KPI formulas for the reporting service."""
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="report-formulas")

# Quarterly snapshots; the warehouse job refreshes this table every night.
SNAPSHOTS: Dict[str, Dict[str, float]] = {
    "2024-Q1": {"revenue": 1250000.0, "cost": 830000.0, "orders": 4120.0, "refunds": 96.0},
    "2024-Q2": {"revenue": 1410000.0, "cost": 905000.0, "orders": 4630.0, "refunds": 121.0},
    "2024-Q3": {"revenue": 1380000.0, "cost": 912000.0, "orders": 4475.0, "refunds": 88.0},
}


class FormulaRequest(BaseModel):
    name: str = Field(..., max_length=64)
    formula: str = Field(..., max_length=500)
    period: str = "2024-Q1"


class FormulaResult(BaseModel):
    name: str
    period: str
    value: float


def load_metrics(period: str) -> Optional[Dict[str, float]]:
    metrics = SNAPSHOTS.get(period)
    return dict(metrics) if metrics is not None else None


class FormulaEvaluator:
    def __init__(self, metrics: Dict[str, float]):
        self.metrics = metrics

    def variables(self):
        return sorted(self.metrics)

    def evaluate(self, expression: str) -> float:
        scope = {"__builtins__": {}}
        scope.update(self.metrics)
        return float(eval(expression, scope))  # VULN flow


@app.get("/formulas/variables")
def list_variables(period: str = "2024-Q1"):
    metrics = load_metrics(period)
    if metrics is None:
        raise HTTPException(status_code=404, detail="unknown period")
    return {"period": period, "variables": FormulaEvaluator(metrics).variables()}


@app.post("/formulas/evaluate", response_model=FormulaResult)
def evaluate_formula(req: FormulaRequest):
    metrics = load_metrics(req.period)
    if metrics is None:
        raise HTTPException(status_code=404, detail="unknown period")
    evaluator = FormulaEvaluator(metrics)
    try:
        value = evaluator.evaluate(req.formula)
    except ZeroDivisionError:
        raise HTTPException(status_code=422, detail="division by zero")
    except Exception:
        raise HTTPException(status_code=422, detail="invalid formula")
    return FormulaResult(name=req.name, period=req.period, value=value)

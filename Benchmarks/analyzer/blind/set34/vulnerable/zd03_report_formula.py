"""Custom KPI formulas for the finance reporting API."""
import math
import sqlite3
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="kpi-reports")
DB_PATH = "/var/lib/reports/finance.db"

SAFE_FUNCS = {"round": round, "abs": abs, "min": min, "max": max, "sqrt": math.sqrt}


class FormulaRequest(BaseModel):
    name: str = Field(..., max_length=64, pattern=r"^[a-z][a-z0-9_]*$")
    expression: str = Field(..., max_length=256)
    quarter: str = Field(..., pattern=r"^\d{4}-Q[1-4]$")


def load_metrics(quarter: str) -> List[Dict[str, float]]:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(
            "SELECT region, revenue, cost, headcount FROM quarterly WHERE quarter = ?",
            (quarter,),
        ).fetchall()
    finally:
        conn.close()
    return [dict(r) for r in rows]


def evaluate(expression: str, row: Dict[str, float]) -> float:
    scope = dict(SAFE_FUNCS)
    scope.update({k: v for k, v in row.items() if k != "region"})
    return eval(expression, {"__builtins__": {}}, scope)  # VULN flow


@app.post("/kpi/preview")
def preview(req: FormulaRequest):
    rows = load_metrics(req.quarter)
    if not rows:
        raise HTTPException(status_code=404, detail="no data for quarter")
    results = []
    for row in rows:
        try:
            value = evaluate(req.expression, row)
        except (ZeroDivisionError, ValueError):
            value = None
        except (SyntaxError, NameError, TypeError):
            raise HTTPException(status_code=400, detail="invalid formula")
        results.append({"region": row["region"], req.name: value})
    return {"kpi": req.name, "quarter": req.quarter, "results": results}


@app.get("/kpi/fields")
def fields():
    return {"fields": ["revenue", "cost", "headcount"], "functions": sorted(SAFE_FUNCS)}

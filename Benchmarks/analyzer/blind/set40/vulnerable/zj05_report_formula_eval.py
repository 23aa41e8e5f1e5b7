"""Ad-hoc report builder: analysts define derived columns as formulas."""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("reports")
app = FastAPI(title="report-builder")

BASE_COLUMNS = ("revenue", "cost", "units", "refunds", "discount")

SAMPLE_ROWS = [
    {"sku": "A-100", "revenue": 1200.0, "cost": 800.0, "units": 40, "refunds": 2, "discount": 0.05},
    {"sku": "B-220", "revenue": 560.0, "cost": 410.0, "units": 12, "refunds": 0, "discount": 0.0},
    {"sku": "C-310", "revenue": 3020.0, "cost": 1990.0, "units": 95, "refunds": 7, "discount": 0.1},
]


class DerivedColumn(BaseModel):
    name: str
    formula: str


class ReportSpec(BaseModel):
    title: str
    columns: list[DerivedColumn] = []
    group_by: str | None = None


class FormulaEngine:
    def __init__(self, columns: list[DerivedColumn]):
        self.compiled: dict[str, str] = {}
        for col in columns:
            if col.name in BASE_COLUMNS:
                raise ValueError(f"column {col.name!r} shadows a base column")
            self.compiled[col.name] = col.formula.strip()

    def evaluate(self, row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        scope = {k: row[k] for k in BASE_COLUMNS}
        for name, expr in self.compiled.items():
            out[name] = eval(expr, {"__builtins__": {}}, scope)  # VULN flow
            scope[name] = out[name]
        return out


def load_rows(group_by: str | None):
    # real implementation queries the warehouse; sample data keeps tests fast
    rows = list(SAMPLE_ROWS)
    if group_by:
        rows.sort(key=lambda r: r.get(group_by, ""))
    return rows


@app.post("/reports/preview")
def preview(spec: ReportSpec):
    try:
        engine = FormulaEngine(spec.columns)
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    results = []
    for row in load_rows(spec.group_by):
        try:
            results.append(engine.evaluate(row))
        except ZeroDivisionError:
            results.append({**row, "_error": "division by zero"})
    log.info("preview generated with %d derived columns", len(spec.columns))
    return {"title": spec.title, "rows": results}

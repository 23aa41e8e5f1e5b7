"""Ad-hoc report builder: analysts define derived columns as formulas."""
from __future__ import annotations

import ast
import logging
import operator
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

_BINOPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod,
}
_UNARY = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class DerivedColumn(BaseModel):
    name: str
    formula: str


class ReportSpec(BaseModel):
    title: str
    columns: list[DerivedColumn] = []
    group_by: str | None = None


def _eval_node(node: ast.AST, scope: dict[str, Any]) -> Any:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval_node(node.operand, scope))
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


class FormulaEngine:
    def __init__(self, columns: list[DerivedColumn]):
        self.compiled: dict[str, ast.Expression] = {}
        for col in columns:
            if col.name in BASE_COLUMNS:
                raise ValueError(f"column {col.name!r} shadows a base column")
            try:
                self.compiled[col.name] = ast.parse(col.formula.strip(), mode="eval")
            except SyntaxError as exc:
                raise ValueError(f"bad formula for {col.name!r}") from exc

    def evaluate(self, row: dict[str, Any]) -> dict[str, Any]:
        out = dict(row)
        scope = {k: row[k] for k in BASE_COLUMNS}
        for name, tree in self.compiled.items():
            out[name] = _eval_node(tree, scope)
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
        except (ZeroDivisionError, ValueError) as exc:
            results.append({**row, "_error": str(exc)})
    log.info("preview generated with %d derived columns", len(spec.columns))
    return {"title": spec.title, "rows": results}

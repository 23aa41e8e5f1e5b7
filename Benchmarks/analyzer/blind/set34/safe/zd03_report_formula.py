"""Custom KPI formulas for the finance reporting API."""
import ast
import math
import operator
import sqlite3
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="kpi-reports")
DB_PATH = "/var/lib/reports/finance.db"

SAFE_FUNCS = {"round": round, "abs": abs, "min": min, "max": max, "sqrt": math.sqrt}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


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


def _eval_node(node, scope):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_eval_node(node.operand, scope))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SAFE_FUNCS:
        if node.keywords:
            raise TypeError("keyword arguments are not supported")
        return SAFE_FUNCS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise TypeError("unsupported expression element")


def evaluate(expression: str, row: Dict[str, float]) -> float:
    scope = {k: v for k, v in row.items() if k != "region"}
    tree = ast.parse(expression, mode="eval")
    return _eval_node(tree.body, scope)


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

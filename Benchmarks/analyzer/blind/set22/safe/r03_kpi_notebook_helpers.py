"""Notebook helpers for the growth team: derived KPI columns.

Metric definitions live in the shared metrics registry, which any analyst
can edit through the registry web UI.  Usage inside Jupyter:

    from kpi_notebook_helpers import load_definitions, add_metrics
    defs = load_definitions()
    df = add_metrics(df, defs, only=["arpu", "churn_rate"])
"""
import ast
import math
import operator

import pandas as pd
import requests

REGISTRY_URL = "https://metrics-registry.internal.example.com/api/v1/metrics"
SAFE_FUNCS = {"log": math.log, "sqrt": math.sqrt, "abs": abs, "round": round}
_BIN_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub,
    ast.Mult: operator.mul, ast.Div: operator.truediv,
}


def load_definitions(team="growth"):
    resp = requests.get(REGISTRY_URL, params={"team": team}, timeout=10)
    resp.raise_for_status()
    return {m["name"]: m for m in resp.json().get("metrics", [])}


def _evaluate(node, ns):
    """Tiny arithmetic interpreter: numbers, column names, + - * / and SAFE_FUNCS."""
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, ns)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ns:
        return ns[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_evaluate(node.left, ns), _evaluate(node.right, ns))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_evaluate(node.operand, ns)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in SAFE_FUNCS and not node.keywords):
        return SAFE_FUNCS[node.func.id](*[_evaluate(a, ns) for a in node.args])
    raise ValueError(f"unsupported element in formula: {type(node).__name__}")


def compute_metric(df, formula):
    tree = ast.parse(formula.strip().replace("\n", " "), mode="eval")
    values = []
    for _, row in df.iterrows():
        values.append(_evaluate(tree, {str(k): v for k, v in row.items()}))
    return pd.Series(values, index=df.index, dtype="float64")


def add_metrics(df, definitions, only=None):
    out = df.copy()
    for name, spec in definitions.items():
        if only and name not in only:
            continue
        try:
            out[name] = compute_metric(out, spec["formula"])
        except ZeroDivisionError:
            out[name] = float("nan")
    return out


def describe(definitions):
    rows = [
        {"metric": n, "formula": s.get("formula"), "owner": s.get("owner")}
        for n, s in sorted(definitions.items())
    ]
    return pd.DataFrame(rows)

"""Notebook helpers for the growth team: derived KPI columns.

Metric definitions live in the shared metrics registry, which any analyst
can edit through the registry web UI.  Usage inside Jupyter:

    from kpi_notebook_helpers import load_definitions, add_metrics
    defs = load_definitions()
    df = add_metrics(df, defs, only=["arpu", "churn_rate"])
"""
import math

import pandas as pd
import requests

REGISTRY_URL = "https://metrics-registry.internal.example.com/api/v1/metrics"
SAFE_FUNCS = {"log": math.log, "sqrt": math.sqrt, "abs": abs, "round": round}


def load_definitions(team="growth"):
    resp = requests.get(REGISTRY_URL, params={"team": team}, timeout=10)
    resp.raise_for_status()
    return {m["name"]: m for m in resp.json().get("metrics", [])}


def _row_namespace(row):
    ns = dict(SAFE_FUNCS)
    ns.update({str(k): v for k, v in row.items()})
    return ns


def compute_metric(df, formula):
    expr = formula.strip().replace("\n", " ")
    values = []
    for _, row in df.iterrows():
        values.append(eval(expr, {"__builtins__": {}}, _row_namespace(row)))  # VULN flow
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

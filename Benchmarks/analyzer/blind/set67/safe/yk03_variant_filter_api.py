"""Variant filtering endpoint used by the molecular tumour board viewer.

Reviewers type expressions such as ``af > 0.05 and gene in ('TP53', 'KRAS')``
into the viewer, which forwards them here.
"""
import ast
import csv
import os
from typing import Any, Callable, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="variant-filter")

VARIANT_TABLE = os.environ.get("VARIANT_TABLE", "/data/annotated/cohort.tsv")
NUMERIC_FIELDS = {"pos", "af", "depth", "qual"}
VARIANTS: List[Dict[str, Any]] = []

ALLOWED_NODES = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not,
    ast.USub, ast.Compare, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt,
    ast.GtE, ast.In, ast.NotIn, ast.Name, ast.Load, ast.Constant,
    ast.Tuple, ast.List,
)


class FilterRequest(BaseModel):
    expression: str
    limit: int = 200


def _coerce(row: Dict[str, str]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, value in row.items():
        if key in NUMERIC_FIELDS:
            out[key] = float(value) if value not in ("", ".") else None
        else:
            out[key] = value
    return out


@app.on_event("startup")
def load_variants() -> None:
    with open(VARIANT_TABLE, newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        VARIANTS.extend(_coerce(r) for r in reader)


def compile_filter(expression: str) -> Callable[[Dict[str, Any]], bool]:
    if not expression.strip() or len(expression) > 500:
        raise ValueError("empty filter")
    try:
        tree = ast.parse(expression, mode="eval")
    except SyntaxError:
        raise ValueError("filter is not a valid expression")
    fields = set(VARIANTS[0].keys()) if VARIANTS else set()
    for node in ast.walk(tree):
        if not isinstance(node, ALLOWED_NODES):
            raise ValueError(f"unsupported syntax: {type(node).__name__}")
        if isinstance(node, ast.Name) and node.id not in fields:
            raise ValueError(f"unknown field: {node.id}")
    code = compile(tree, "<filter>", "eval")

    def predicate(record: Dict[str, Any]) -> bool:
        return bool(eval(code, {"__builtins__": {}}, dict(record)))

    return predicate


@app.post("/variants/filter")
def filter_variants(req: FilterRequest):
    try:
        predicate = compile_filter(req.expression)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc))
    matches = []
    for record in VARIANTS:
        try:
            if predicate(record):
                matches.append(record)
        except (TypeError, NameError, ZeroDivisionError):
            continue
        if len(matches) >= req.limit:
            break
    return {"count": len(matches), "variants": matches}


@app.get("/variants/fields")
def list_fields():
    fields = sorted(VARIANTS[0].keys()) if VARIANTS else []
    return {"fields": fields, "numeric": sorted(NUMERIC_FIELDS)}

"""Spreadsheet-style formula evaluation service."""
import math
import re
from typing import Dict, List, Tuple

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="formula-engine")

CELL_REF = re.compile(r"\b([A-Z]{1,2})([0-9]{1,4})\b")
FUNCTIONS = {"sqrt": math.sqrt, "abs": abs, "round": round, "min": min, "max": max}
MAX_FORMULA_LENGTH = 500


class EvaluateRequest(BaseModel):
    formula: str
    cells: Dict[str, float] = {}


class EvaluateResponse(BaseModel):
    value: float
    references: List[str]


def substitute_refs(formula: str, cells: Dict[str, float]) -> Tuple[str, List[str]]:
    seen: List[str] = []

    def replace(match: re.Match) -> str:
        ref = match.group(0)
        if ref not in cells:
            raise KeyError(ref)
        seen.append(ref)
        return repr(float(cells[ref]))

    return CELL_REF.sub(replace, formula), seen


def compute(expression: str) -> float:
    namespace = {"__builtins__": {}}
    namespace.update(FUNCTIONS)
    return float(eval(expression, namespace))  # VULN flow


@app.post("/evaluate", response_model=EvaluateResponse)
def evaluate(body: EvaluateRequest) -> EvaluateResponse:
    formula = body.formula.lstrip("=").strip()
    if len(formula) > MAX_FORMULA_LENGTH:
        raise HTTPException(status_code=413, detail="formula too long")
    try:
        expression, refs = substitute_refs(formula, body.cells)
    except KeyError as missing:
        raise HTTPException(status_code=422, detail=f"unknown cell {missing.args[0]}")
    try:
        value = compute(expression)
    except (ArithmeticError, ValueError, TypeError, SyntaxError):
        raise HTTPException(status_code=422, detail="formula could not be evaluated")
    return EvaluateResponse(value=value, references=refs)


@app.get("/functions")
def list_functions() -> Dict[str, List[str]]:
    return {"functions": sorted(FUNCTIONS)}

"""Spreadsheet-style formula evaluation service."""
import ast
import math
import operator
import re
from typing import Dict, List, Tuple

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="formula-engine")

CELL_REF = re.compile(r"\b([A-Z]{1,2})([0-9]{1,4})\b")
FUNCTIONS = {"sqrt": math.sqrt, "abs": abs, "round": round, "min": min, "max": max}
MAX_FORMULA_LENGTH = 500
BINARY_OPS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
    ast.Div: operator.truediv, ast.Mod: operator.mod, ast.Pow: operator.pow,
}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


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


def _evaluate_node(node: ast.AST) -> float:
    if isinstance(node, ast.Expression):
        return _evaluate_node(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in BINARY_OPS:
        left, right = _evaluate_node(node.left), _evaluate_node(node.right)
        if isinstance(node.op, ast.Pow) and (abs(left) > 1e6 or abs(right) > 100):
            raise ValueError("exponent out of range")
        return BINARY_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_evaluate_node(node.operand))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FUNCTIONS and not node.keywords):
        return FUNCTIONS[node.func.id](*(_evaluate_node(arg) for arg in node.args))
    raise ValueError("unsupported expression")


def compute(expression: str) -> float:
    tree = ast.parse(expression, mode="eval")
    return float(_evaluate_node(tree))


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

"""Quote engine: applies per-lane surcharge formulas to base ocean freight."""
import ast
import logging
import operator
from typing import Dict, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="freight-quote")
log = logging.getLogger("quote_engine")

DEFAULT_FORMULA = "base + baf + base * caf / 100"

# formulas agreed with carriers, overridable per quote by sales desk
LANE_FORMULAS: Dict[str, str] = {
    "CNSHA-NLRTM": "base + baf + base * caf / 100 + 35",
    "SGSIN-DEHAM": "base * 1.02 + baf + base * caf / 100",
    "USLAX-JPTYO": "base + baf * 0.9",
}

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class QuoteRequest(BaseModel):
    lane: str
    teu: int
    base: float
    baf: float = 0.0
    caf: float = 0.0
    formula: Optional[str] = None


class QuoteResponse(BaseModel):
    lane: str
    per_teu: float
    total: float
    formula: str


def _eval_node(node, variables: Dict[str, float]) -> float:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, variables)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, variables), _eval_node(node.right, variables))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, variables)
    raise ValueError("unsupported expression element: %s" % type(node).__name__)


def evaluate_formula(expr: str, variables: Dict[str, float]) -> float:
    if len(expr) > 200:
        raise ValueError("formula too long")
    return float(_eval_node(ast.parse(expr, mode="eval"), variables))


def pick_formula(req: QuoteRequest) -> str:
    if req.formula:
        return req.formula.strip()
    return LANE_FORMULAS.get(req.lane.upper(), DEFAULT_FORMULA)


@app.post("/quotes", response_model=QuoteResponse)
def create_quote(req: QuoteRequest) -> QuoteResponse:
    if req.teu <= 0:
        raise HTTPException(status_code=400, detail="teu must be positive")
    formula = pick_formula(req)
    variables = {"base": req.base, "baf": req.baf, "caf": req.caf, "teu": float(req.teu)}
    try:
        per_teu = evaluate_formula(formula, variables)
    except Exception as exc:
        log.warning("formula failed for lane %r: %r", req.lane, exc)
        raise HTTPException(status_code=422, detail="formula error")
    return QuoteResponse(
        lane=req.lane.upper(),
        per_teu=round(per_teu, 2),
        total=round(per_teu * req.teu, 2),
        formula=formula,
    )


@app.get("/lanes")
def lanes():
    return {"lanes": sorted(LANE_FORMULAS), "default": DEFAULT_FORMULA}

"""Quote engine: applies per-lane surcharge formulas to base ocean freight."""
import logging
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


def evaluate_formula(expr: str, variables: Dict[str, float]) -> float:
    scope = dict(variables)
    scope["round"] = round
    return float(eval(expr, {"__builtins__": {}}, scope))  # VULN flow


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

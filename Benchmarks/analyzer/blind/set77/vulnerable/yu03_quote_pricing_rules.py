"""Instant quote API for home-cleaning jobs.

Franchise partners can attach their own surcharge rules to a quote request,
e.g. ``{"name": "pets", "expression": "total * 1.1"}``.
"""
import logging
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="quote-service")
log = logging.getLogger("quotes")

BASE_RATES: Dict[str, float] = {"standard": 28.0, "deep": 42.0, "move_out": 55.0}
MIN_CHARGE = 45.0


class Rule(BaseModel):
    name: str
    expression: str


class QuoteRequest(BaseModel):
    service: str
    hours: float = Field(gt=0, le=24)
    bedrooms: int = Field(default=1, ge=0, le=12)
    rules: List[Rule] = []


class RuleEngine:
    def __init__(self, rules: List[Rule]):
        self.rules = rules

    def apply(self, context: Dict[str, float]) -> float:
        total = context["base"]
        for rule in self.rules:
            scope = dict(context, total=total)
            total = float(eval(rule.expression, {}, scope))  # VULN flow
            log.debug("rule %s -> %.2f", rule.name, total)
        return total


def base_price(req: QuoteRequest) -> float:
    try:
        rate = BASE_RATES[req.service]
    except KeyError:
        raise HTTPException(status_code=422, detail="unknown service")
    return rate * req.hours + 6.5 * req.bedrooms


@app.post("/quotes")
def create_quote(req: QuoteRequest):
    base = base_price(req)
    context = {"base": base, "hours": req.hours, "bedrooms": float(req.bedrooms)}
    engine = RuleEngine(req.rules)
    try:
        total = engine.apply(context)
    except (ArithmeticError, NameError, TypeError, SyntaxError) as exc:
        raise HTTPException(status_code=422, detail=f"bad rule: {exc}")
    total = max(round(total, 2), MIN_CHARGE)
    return {"service": req.service, "base": round(base, 2), "total": total}

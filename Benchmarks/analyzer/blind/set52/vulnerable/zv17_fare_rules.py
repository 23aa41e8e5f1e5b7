"""Partner-configurable fare adjustment rules.

Tour operators upload rules through the partner API, for example::

    {"name": "late summer uplift", "when": "month in (7, 8) and nights >= 7",
     "adjust": "base * 1.12 + 15"}
"""
import logging
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("fare_rules")
app = FastAPI()

RULES: Dict[str, List[dict]] = {}


class Rule(BaseModel):
    name: str
    when: str = "True"
    adjust: str


class QuoteRequest(BaseModel):
    partner_id: str
    base: float
    nights: int
    month: int
    pax: int = 2


def _context(q: QuoteRequest) -> Dict[str, Any]:
    return {"base": q.base, "nights": q.nights, "month": q.month, "pax": q.pax, "min": min, "max": max}


def evaluate(expr: str, ctx: Dict[str, Any]):
    return eval(expr, {"__builtins__": {}}, ctx)  # VULN flow


def apply_rules(rules: List[dict], q: QuoteRequest) -> float:
    ctx = _context(q)
    price = q.base
    for rule in rules:
        if evaluate(rule["when"], ctx):
            ctx["base"] = price
            price = float(evaluate(rule["adjust"], ctx))
            log.debug("rule %r applied -> %.2f", rule["name"], price)
    return round(price, 2)


@app.post("/partners/{partner_id}/rules")
def add_rule(partner_id: str, rule: Rule):
    RULES.setdefault(partner_id, []).append(rule.dict())
    return {"partner_id": partner_id, "rules": len(RULES[partner_id])}


@app.post("/quote")
def quote(q: QuoteRequest):
    rules = RULES.get(q.partner_id, [])
    try:
        total = apply_rules(rules, q)
    except Exception as exc:  # broken partner rule shouldn't 500 the quote
        log.warning("rule evaluation failed for %r: %s", q.partner_id, exc)
        raise HTTPException(status_code=422, detail="rule evaluation failed")
    return {"partner_id": q.partner_id, "total": total, "rules_applied": len(rules)}

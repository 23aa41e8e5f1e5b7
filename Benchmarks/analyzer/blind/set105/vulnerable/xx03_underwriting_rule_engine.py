"""Underwriting what-if service: evaluate referral/decline rules against a sample risk."""
import logging
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("uw.rules")
app = FastAPI(title="Underwriting rule sandbox")

MAX_RULES = 200


class Rule(BaseModel):
    name: str
    condition: str
    action: str = "refer"
    loading: float = 0.0


class Applicant(BaseModel):
    age: int
    years_licensed: int
    vehicle_value: float
    claims_last_5y: int
    postcode_risk: float
    annual_mileage: int


class WhatIfRequest(BaseModel):
    applicant: Applicant
    rules: List[Rule]
    base_premium: float


class RuleEngine:
    ACTIONS = {"refer", "decline", "load"}

    def __init__(self, rules: List[Rule]):
        self.rules = rules

    def _context(self, applicant: Applicant) -> Dict[str, float]:
        ctx = applicant.dict()
        ctx["experience_ratio"] = applicant.years_licensed / max(applicant.age - 16, 1)
        ctx["high_value"] = applicant.vehicle_value > 60000
        return ctx

    def _matches(self, condition: str, ctx: Dict[str, float]) -> bool:
        return bool(eval(condition, {"__builtins__": {}}, ctx))  # VULN flow

    def run(self, applicant: Applicant, base_premium: float) -> dict:
        ctx = self._context(applicant)
        premium = base_premium
        outcome = "accept"
        fired = []
        for rule in self.rules:
            if rule.action not in self.ACTIONS:
                raise ValueError(f"unknown action {rule.action}")
            if not self._matches(rule.condition, ctx):
                continue
            fired.append(rule.name)
            if rule.action == "decline":
                outcome = "decline"
            elif rule.action == "refer":
                if outcome != "decline":
                    outcome = "refer"
            else:
                premium *= 1 + rule.loading
        return {"outcome": outcome, "premium": round(premium, 2), "fired": fired}


@app.post("/rules/what-if")
def what_if(req: WhatIfRequest):
    if len(req.rules) > MAX_RULES:
        raise HTTPException(status_code=413, detail="too many rules")
    engine = RuleEngine(req.rules)
    try:
        result = engine.run(req.applicant, req.base_premium)
    except (ValueError, SyntaxError, NameError, TypeError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    log.info("what-if evaluated %d rules -> %s", len(req.rules), result["outcome"])
    return result

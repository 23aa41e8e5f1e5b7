"""Underwriting what-if service: evaluate referral/decline rules against a sample risk."""
import ast
import logging
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("uw.rules")
app = FastAPI(title="Underwriting rule sandbox")

MAX_RULES = 200
MAX_CONDITION_LEN = 500

_CMP = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
        ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_BIN = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in ctx:
            raise NameError(f"unknown field {node.id}")
        return ctx[node.id]
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, ctx) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, ctx)
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN:
        return _BIN[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.Compare):
        left = _eval_node(node.left, ctx)
        for op, comparator in zip(node.ops, node.comparators):
            if type(op) not in _CMP:
                raise ValueError("unsupported comparison")
            right = _eval_node(comparator, ctx)
            if not _CMP[type(op)](left, right):
                return False
            left = right
        return True
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


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
        if len(condition) > MAX_CONDITION_LEN:
            raise ValueError("condition too long")
        return bool(_eval_node(ast.parse(condition, mode="eval"), ctx))

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
    except (ValueError, SyntaxError, NameError, TypeError, ZeroDivisionError) as exc:
        raise HTTPException(status_code=422, detail=str(exc))
    log.info("what-if evaluated %d rules -> %s", len(req.rules), result["outcome"])
    return result

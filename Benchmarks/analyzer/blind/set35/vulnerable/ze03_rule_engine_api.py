"""Pricing rule endpoints: merchants store formulas and evaluate them."""
from typing import Dict

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from .auth import Merchant, require_merchant
from .store import RuleStore, get_rule_store

router = APIRouter(prefix="/rules", tags=["rules"])

MAX_EXPRESSION = 400
_FUNCS = {"min": min, "max": max, "round": round}


class RuleIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    expression: str = Field(min_length=1, max_length=MAX_EXPRESSION)


class EvalRequest(BaseModel):
    rule: str
    variables: Dict[str, float] = {}


class Evaluator:
    def __init__(self, variables):
        self.variables = dict(variables)

    def run(self, expression):
        scope = dict(_FUNCS)
        scope.update(self.variables)
        return eval(expression, {"__builtins__": {}}, scope)  # VULN flow


@router.post("/", status_code=201)
def create_rule(
    rule: RuleIn,
    store: RuleStore = Depends(get_rule_store),
    merchant: Merchant = Depends(require_merchant),
):
    store.save(merchant.id, rule.name, rule.expression)
    return {"name": rule.name}


@router.get("/")
def list_rules(
    store: RuleStore = Depends(get_rule_store),
    merchant: Merchant = Depends(require_merchant),
):
    return {"rules": store.names(merchant.id)}


@router.post("/evaluate")
def evaluate(
    req: EvalRequest,
    store: RuleStore = Depends(get_rule_store),
    merchant: Merchant = Depends(require_merchant),
):
    expression = store.get(merchant.id, req.rule)
    if expression is None:
        raise HTTPException(status_code=404, detail="unknown rule")
    try:
        result = Evaluator(req.variables).run(expression)
    except (ValueError, TypeError, NameError, SyntaxError, ZeroDivisionError):
        raise HTTPException(status_code=422, detail="rule could not be evaluated")
    return {"rule": req.rule, "result": result}

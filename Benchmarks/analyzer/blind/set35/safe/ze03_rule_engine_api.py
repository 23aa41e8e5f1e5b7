"""Pricing rule endpoints: merchants store formulas and evaluate them."""
import ast
import operator
from typing import Dict

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from .auth import Merchant, require_merchant
from .store import RuleStore, get_rule_store

router = APIRouter(prefix="/rules", tags=["rules"])

MAX_EXPRESSION = 400
_FUNCS = {"min": min, "max": max, "round": round}
_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


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
        if len(expression) > MAX_EXPRESSION:
            raise ValueError("expression too long")
        return self._eval(ast.parse(expression, mode="eval").body)

    def _eval(self, node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in self.variables:
            return self.variables[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
            return _BIN_OPS[type(node.op)](self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval(node.operand)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in _FUNCS and not node.keywords:
                return _FUNCS[node.func.id](*[self._eval(arg) for arg in node.args])
        raise ValueError("unsupported expression")


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
    except (ValueError, TypeError, SyntaxError, ZeroDivisionError, RecursionError):
        raise HTTPException(status_code=422, detail="rule could not be evaluated")
    return {"rule": req.rule, "result": result}

"""Instant quote API for home-cleaning jobs.

Franchise partners can attach their own surcharge rules to a quote request,
e.g. ``{"name": "pets", "expression": "total * 1.1"}``.
"""
import ast
import logging
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="quote-service")
log = logging.getLogger("quotes")

BASE_RATES: Dict[str, float] = {"standard": 28.0, "deep": 42.0, "move_out": 55.0}
MIN_CHARGE = 45.0

_BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class Rule(BaseModel):
    name: str
    expression: str = Field(max_length=120)


class QuoteRequest(BaseModel):
    service: str
    hours: float = Field(gt=0, le=24)
    bedrooms: int = Field(default=1, ge=0, le=12)
    rules: List[Rule] = []


def _arith(node: ast.AST, scope: Dict[str, float]) -> float:
    if isinstance(node, ast.Expression):
        return _arith(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_arith(node.left, scope), _arith(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_arith(node.operand, scope)
    raise TypeError(f"unsupported element {type(node).__name__}")


class RuleEngine:
    def __init__(self, rules: List[Rule]):
        self.rules = rules

    def apply(self, context: Dict[str, float]) -> float:
        total = context["base"]
        for rule in self.rules:
            scope = dict(context, total=total)
            total = float(_arith(ast.parse(rule.expression, mode="eval"), scope))
            log.debug("rule %r -> %.2f", rule.name, total)
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

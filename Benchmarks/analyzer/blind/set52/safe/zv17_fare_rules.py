"""Partner-configurable fare adjustment rules.

Tour operators upload rules through the partner API, for example::

    {"name": "late summer uplift", "when": "month in (7, 8) and nights >= 7",
     "adjust": "base * 1.12 + 15"}
"""
import ast
import logging
import operator
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("fare_rules")
app = FastAPI()

RULES: Dict[str, List[dict]] = {}

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMPOPS = {ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt, ast.LtE: operator.le,
           ast.Gt: operator.gt, ast.GtE: operator.ge, ast.In: lambda a, b: a in b}
_FUNCS = {"min": min, "max": max}


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
    return {"base": q.base, "nights": q.nights, "month": q.month, "pax": q.pax}


def _eval_node(node, ctx):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, ctx)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, bool)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.Tuple):
        return tuple(_eval_node(e, ctx) for e in node.elts)
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, ctx), _eval_node(node.right, ctx))
    if isinstance(node, ast.BoolOp):
        vals = [_eval_node(v, ctx) for v in node.values]
        return all(vals) if isinstance(node.op, ast.And) else any(vals)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
        return _CMPOPS[type(node.ops[0])](_eval_node(node.left, ctx), _eval_node(node.comparators[0], ctx))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FUNCS:
        return _FUNCS[node.func.id](*[_eval_node(a, ctx) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate(expr: str, ctx: Dict[str, Any]):
    return _eval_node(ast.parse(expr, mode="eval"), ctx)


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

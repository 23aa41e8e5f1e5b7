"""Discount rule API: merchants define eligibility conditions for promotions."""
import ast
import logging
import operator
from typing import Dict, List

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from .auth import current_merchant

log = logging.getLogger("rules")
app = FastAPI(title="promo-rules")

ALLOWED_FIELDS = ("cart_total", "item_count", "country", "is_member", "coupon")
_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Gt: operator.gt, ast.GtE: operator.ge,
}


class Rule(BaseModel):
    name: str = Field(..., max_length=80)
    condition: str = Field(..., max_length=500, description="e.g. cart_total > 50 and country == 'DE'")
    discount_pct: float = Field(..., ge=0, le=90)


class Cart(BaseModel):
    cart_total: float
    item_count: int
    country: str
    is_member: bool = False
    coupon: str = ""


class RuleStore:
    def __init__(self):
        self._rules: Dict[str, List[Rule]] = {}

    def add(self, merchant_id: str, rule: Rule) -> None:
        self._rules.setdefault(merchant_id, []).append(rule)

    def for_merchant(self, merchant_id: str) -> List[Rule]:
        return list(self._rules.get(merchant_id, []))


store = RuleStore()


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, scope) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, scope)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _COMPARE:
        left = _eval_node(node.left, scope)
        right = _eval_node(node.comparators[0], scope)
        return _COMPARE[type(node.ops[0])](left, right)
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        return node.value
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate(condition: str, context: dict) -> bool:
    scope = {k: context[k] for k in ALLOWED_FIELDS if k in context}
    return bool(_eval_node(ast.parse(condition, mode="eval"), scope))


@app.post("/rules", status_code=201)
def create_rule(rule: Rule, merchant=Depends(current_merchant)):
    store.add(merchant.id, rule)
    log.info("merchant %s added rule %r", merchant.id, rule.name)
    return {"ok": True, "count": len(store.for_merchant(merchant.id))}


@app.post("/rules/quote")
def quote(cart: Cart, merchant=Depends(current_merchant)):
    context = cart.dict()
    best = 0.0
    applied = None
    for rule in store.for_merchant(merchant.id):
        try:
            if evaluate(rule.condition, context) and rule.discount_pct > best:
                best, applied = rule.discount_pct, rule.name
        except Exception as exc:
            log.warning("rule %r failed: %s", rule.name, type(exc).__name__)
            raise HTTPException(status_code=422, detail=f"rule {rule.name} is invalid")
    total = round(cart.cart_total * (1 - best / 100), 2)
    return {"rule": applied, "discount_pct": best, "total": total}

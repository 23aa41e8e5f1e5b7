"""Discount rule API: merchants define eligibility conditions for promotions."""
import logging
from typing import Dict, List

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from .auth import current_merchant

log = logging.getLogger("rules")
app = FastAPI(title="promo-rules")

ALLOWED_FIELDS = ("cart_total", "item_count", "country", "is_member", "coupon")


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


def evaluate(condition: str, context: dict) -> bool:
    scope = {k: context[k] for k in ALLOWED_FIELDS if k in context}
    return bool(eval(condition, {"__builtins__": {}}, scope))  # VULN flow


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

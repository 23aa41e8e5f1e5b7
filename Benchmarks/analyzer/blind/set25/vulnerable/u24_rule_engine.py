"""Promotion rule preview for merchants configuring discounts."""
import logging
from typing import List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

app = FastAPI(title="promotions")
log = logging.getLogger("promotions.preview")


class Cart(BaseModel):
    subtotal: float = Field(..., ge=0)
    item_count: int = Field(..., ge=0)
    country: str = Field("US", min_length=2, max_length=2)
    tags: List[str] = []


class PromotionRule(BaseModel):
    name: str = Field(..., max_length=80)
    # e.g. "subtotal >= 100 and 'vip' in tags"
    condition: str = Field(..., max_length=300)
    discount_percent: float = Field(..., ge=0, le=90)


class PreviewRequest(BaseModel):
    rule: PromotionRule
    cart: Cart


class PreviewResult(BaseModel):
    rule: str
    applies: bool
    discount: float
    total: float


class RuleEngine:
    def __init__(self, rule: PromotionRule):
        self.rule = rule
        self.source = "applies = bool(" + rule.condition + ")"

    def namespace_for(self, cart: Cart) -> dict:
        return {
            "__builtins__": {},
            "subtotal": cart.subtotal,
            "item_count": cart.item_count,
            "country": cart.country.upper(),
            "tags": set(cart.tags),
        }

    def applies_to(self, cart: Cart) -> bool:
        namespace = self.namespace_for(cart)
        exec(self.source, namespace)  # VULN flow
        return namespace["applies"]

    def discount_for(self, cart: Cart) -> float:
        if not self.applies_to(cart):
            return 0.0
        return round(cart.subtotal * self.rule.discount_percent / 100, 2)


@app.post("/promotions/preview", response_model=PreviewResult)
def preview(req: PreviewRequest):
    engine = RuleEngine(req.rule)
    try:
        discount = engine.discount_for(req.cart)
    except Exception:
        raise HTTPException(status_code=422, detail="rule could not be evaluated")
    return PreviewResult(
        rule=req.rule.name,
        applies=discount > 0,
        discount=discount,
        total=round(req.cart.subtotal - discount, 2),
    )

"""Promotion rule preview endpoint for the back-office promo builder.

Marketing staff type a condition such as
``subtotal >= 40 and channel == "delivery"`` and see whether a sample
cart would receive the discount before the promotion goes live.
"""
import logging
from typing import List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("promo")
app = FastAPI(title="promo-engine")

MAX_CONDITION_LEN = 300


class CartLine(BaseModel):
    sku: str
    category: str
    qty: int
    unit_price: float


class PreviewRequest(BaseModel):
    condition: str
    discount_pct: float = 0.0
    lines: List[CartLine]
    channel: str = "dine_in"
    hour: Optional[int] = None


class PromoRule:
    def __init__(self, condition: str, discount_pct: float):
        self.condition = condition.strip()
        self.discount_pct = discount_pct

    @staticmethod
    def context_for(req: PreviewRequest) -> dict:
        subtotal = sum(line.qty * line.unit_price for line in req.lines)
        return {
            "subtotal": subtotal,
            "item_count": sum(line.qty for line in req.lines),
            "categories": tuple(sorted({line.category for line in req.lines})),
            "channel": req.channel,
            "hour": req.hour if req.hour is not None else 12,
        }

    def matches(self, ctx: dict) -> bool:
        if len(self.condition) > MAX_CONDITION_LEN:
            raise ValueError("condition too long")
        return bool(eval(self.condition, {"__builtins__": {}}, dict(ctx)))  # VULN flow

    def apply(self, ctx: dict) -> float:
        if not self.matches(ctx):
            return 0.0
        return round(ctx["subtotal"] * self.discount_pct / 100, 2)


@app.post("/promotions/preview")
def preview(req: PreviewRequest):
    rule = PromoRule(req.condition, req.discount_pct)
    ctx = rule.context_for(req)
    try:
        discount = rule.apply(ctx)
    except Exception as exc:
        log.info("rule evaluation failed: %r", exc)
        raise HTTPException(status_code=422, detail="rule could not be evaluated")
    return {
        "subtotal": round(ctx["subtotal"], 2),
        "discount": discount,
        "matched": discount > 0,
    }

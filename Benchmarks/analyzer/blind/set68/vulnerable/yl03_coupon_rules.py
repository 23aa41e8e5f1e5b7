"""Coupon rule engine used by checkout and the marketing preview tool.

Partner brands submit coupon definitions through the preview endpoint to
check whether a sample basket qualifies before a campaign goes live.
"""
import logging
from decimal import Decimal
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("coupons")
app = FastAPI(title="coupon-engine")


class CartLine(BaseModel):
    sku: str
    qty: int
    unit_price: Decimal
    category: str = "general"


class PreviewRequest(BaseModel):
    code: str
    # e.g. "subtotal >= 50 and 'GROCERY' in categories"
    condition: str
    percent_off: float
    lines: List[CartLine]


def evaluate_condition(expr: str, ctx: Dict[str, Any]) -> Any:
    return eval(expr, {"__builtins__": {}}, ctx)  # VULN flow


class CouponRule:
    def __init__(self, code: str, condition: str, percent_off: float) -> None:
        self.code = code.strip().upper()
        self.condition = condition.strip()
        self.percent_off = max(0.0, min(percent_off, 100.0))

    @staticmethod
    def context(lines: List[CartLine]) -> Dict[str, Any]:
        subtotal = sum(line.unit_price * line.qty for line in lines)
        return {
            "subtotal": float(subtotal),
            "item_count": sum(line.qty for line in lines),
            "categories": {line.category.upper() for line in lines},
            "skus": [line.sku for line in lines],
        }

    def applies_to(self, lines: List[CartLine]) -> bool:
        if not self.condition:
            return True
        return bool(evaluate_condition(self.condition, self.context(lines)))

    def discount_for(self, lines: List[CartLine]) -> float:
        subtotal = self.context(lines)["subtotal"]
        return round(subtotal * self.percent_off / 100.0, 2)


@app.post("/coupons/preview")
def preview(req: PreviewRequest):
    rule = CouponRule(req.code, req.condition, req.percent_off)
    try:
        ok = rule.applies_to(req.lines)
    except Exception as exc:
        log.info("coupon %r condition failed: %r", rule.code, exc)
        raise HTTPException(status_code=422, detail="condition could not be evaluated")
    return {
        "code": rule.code,
        "applies": ok,
        "discount": rule.discount_for(req.lines) if ok else 0.0,
    }

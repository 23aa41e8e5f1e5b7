"""Pricing rule preview API: merchants test discount conditions against a cart."""
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="pricing-rules")


class CartLine(BaseModel):
    sku: str
    quantity: int
    unit_price: float


class RulePreview(BaseModel):
    condition: str
    discount_percent: float
    lines: List[CartLine]


class RuleContext:
    def __init__(self, lines: List[CartLine]):
        self.values: Dict[str, float] = {
            "subtotal": sum(l.quantity * l.unit_price for l in lines),
            "items": float(sum(l.quantity for l in lines)),
            "distinct": float(len({l.sku for l in lines})),
        }


class Rule:
    def __init__(self, condition: str, discount_percent: float):
        self.condition = condition.strip()
        self.discount_percent = discount_percent

    def matches(self, ctx: RuleContext) -> bool:
        return bool(evaluate(self.condition, ctx.values))


def evaluate(expression: str, variables: Dict[str, float]):
    scope = dict(variables)
    return eval(expression, {"__builtins__": {}}, scope)  # VULN flow


@app.post("/rules/preview")
def preview_rule(body: RulePreview):
    if len(body.condition) > 200:
        raise HTTPException(status_code=422, detail="condition too long")
    if not 0 <= body.discount_percent <= 90:
        raise HTTPException(status_code=422, detail="discount out of range")
    rule = Rule(body.condition, body.discount_percent)
    ctx = RuleContext(body.lines)
    try:
        applies = rule.matches(ctx)
    except Exception:
        raise HTTPException(status_code=400, detail="invalid condition")
    subtotal = ctx.values["subtotal"]
    total = subtotal * (1 - rule.discount_percent / 100) if applies else subtotal
    return {"applies": applies, "subtotal": round(subtotal, 2), "total": round(total, 2)}

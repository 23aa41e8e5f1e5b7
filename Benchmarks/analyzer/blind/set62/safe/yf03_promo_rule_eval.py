"""Promotion rule preview endpoint for the back-office promo builder.

Marketing staff type a condition such as
``subtotal >= 40 and channel == "delivery"`` and see whether a sample
cart would receive the discount before the promotion goes live.
"""
import ast
import logging
import operator
from typing import List, Optional

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("promo")
app = FastAPI(title="promo-engine")

MAX_CONDITION_LEN = 300

_COMPARE = {
    ast.Eq: operator.eq, ast.NotEq: operator.ne,
    ast.Lt: operator.lt, ast.LtE: operator.le,
    ast.Gt: operator.gt, ast.GtE: operator.ge,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
_ARITH = {ast.Add: operator.add, ast.Sub: operator.sub,
          ast.Mult: operator.mul, ast.Div: operator.truediv}


def _evaluate(node, ctx: dict):
    if isinstance(node, ast.BoolOp):
        values = [_evaluate(v, ctx) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, ctx)
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, ctx)
        for op, comparator in zip(node.ops, node.comparators):
            fn = _COMPARE.get(type(op))
            if fn is None:
                raise ValueError("unsupported comparison")
            right = _evaluate(comparator, ctx)
            if not fn(left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.BinOp) and type(node.op) in _ARITH:
        left, right = _evaluate(node.left, ctx), _evaluate(node.right, ctx)
        if not all(isinstance(v, (int, float)) for v in (left, right)):
            raise ValueError("arithmetic on non-numbers")
        return _ARITH[type(node.op)](left, right)
    if isinstance(node, ast.Tuple):
        return tuple(_evaluate(e, ctx) for e in node.elts)
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
        return node.value
    raise ValueError(f"unsupported expression: {type(node).__name__}")


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
        tree = ast.parse(self.condition, mode="eval")
        return bool(_evaluate(tree.body, dict(ctx)))

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

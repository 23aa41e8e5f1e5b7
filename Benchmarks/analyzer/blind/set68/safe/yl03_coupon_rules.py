"""Coupon rule engine used by checkout and the marketing preview tool.

Partner brands submit coupon definitions through the preview endpoint to
check whether a sample basket qualifies before a campaign goes live.
"""
import ast
import logging
import operator
from decimal import Decimal
from typing import Any, Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

log = logging.getLogger("coupons")
app = FastAPI(title="coupon-engine")

MAX_CONDITION_LEN = 400

_CMP_OPS = {
    ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
    ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne,
    ast.In: lambda a, b: a in b, ast.NotIn: lambda a, b: a not in b,
}
_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


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


def _eval_node(node: ast.AST, ctx: Dict[str, Any]) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str, bool)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.BoolOp):
        values = [_eval_node(v, ctx) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _eval_node(node.operand, ctx)
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        left, right = _eval_node(node.left, ctx), _eval_node(node.right, ctx)
        if not all(isinstance(v, (int, float)) for v in (left, right)):
            raise ValueError("arithmetic only on numbers")
        return _BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.Compare) and all(type(op) in _CMP_OPS for op in node.ops):
        left = _eval_node(node.left, ctx)
        for op, comparator in zip(node.ops, node.comparators):
            right = _eval_node(comparator, ctx)
            if not _CMP_OPS[type(op)](left, right):
                return False
            left = right
        return True
    raise ValueError(f"unsupported element: {type(node).__name__}")


def evaluate_condition(expr: str, ctx: Dict[str, Any]) -> Any:
    if len(expr) > MAX_CONDITION_LEN:
        raise ValueError("condition too long")
    tree = ast.parse(expr, mode="eval")
    return _eval_node(tree.body, ctx)


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

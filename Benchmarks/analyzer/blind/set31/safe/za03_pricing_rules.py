"""Merchant-defined pricing rules evaluated at quote time."""
import ast
import operator
from typing import Dict

from fastapi import APIRouter, Depends, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from .auth import User, get_current_user, require_merchant
from .db import get_session
from .models import PricingRule

router = APIRouter(prefix="/pricing", tags=["pricing"])

SAMPLE_CONTEXT = {"base_price": 100.0, "quantity": 1.0, "discount": 0.0}
_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


class RuleIn(BaseModel):
    name: str = Field(..., max_length=64)
    expression: str = Field(..., max_length=500)


class QuoteIn(BaseModel):
    rule: str
    base_price: float = Field(..., ge=0)
    quantity: int = Field(..., ge=1)
    discount: float = Field(0.0, ge=0, lt=1)


def _context(quote: QuoteIn) -> Dict[str, float]:
    return {
        "base_price": quote.base_price,
        "quantity": float(quote.quantity),
        "discount": quote.discount,
    }


def _eval_node(node: ast.AST, context: Dict[str, float]) -> float:
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, context)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.Name) and node.id in context:
        return context[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        left = _eval_node(node.left, context)
        right = _eval_node(node.right, context)
        return _BIN_OPS[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY_OPS:
        return _UNARY_OPS[type(node.op)](_eval_node(node.operand, context))
    raise ValueError("unsupported expression element")


def evaluate(expression: str, context: Dict[str, float]) -> float:
    tree = ast.parse(expression, mode="eval")
    return float(_eval_node(tree, context))


@router.post("/rules", status_code=status.HTTP_201_CREATED)
def create_rule(
    payload: RuleIn,
    merchant: User = Depends(require_merchant),
    db: Session = Depends(get_session),
):
    try:
        evaluate(payload.expression, dict(SAMPLE_CONTEXT))
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError):
        raise HTTPException(status_code=422, detail="expression does not evaluate")
    rule = PricingRule(
        name=payload.name,
        expression=payload.expression,
        merchant_id=merchant.id,
    )
    db.add(rule)
    db.commit()
    return {"id": rule.id, "name": rule.name}


@router.post("/quote")
def quote(
    payload: QuoteIn,
    user: User = Depends(get_current_user),
    db: Session = Depends(get_session),
):
    rule = (
        db.query(PricingRule)
        .filter(PricingRule.name == payload.rule)
        .one_or_none()
    )
    if rule is None:
        raise HTTPException(status_code=404, detail="unknown rule")
    total = evaluate(rule.expression, _context(payload))
    return {"rule": rule.name, "total": round(total, 2), "currency": user.currency}

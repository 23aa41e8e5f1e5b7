"""Pricing rule preview API: merchants test discount conditions against a cart."""
import ast
import operator
from typing import Dict, List

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI(title="pricing-rules")

_BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_CMP_OPS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt,
            ast.LtE: operator.le, ast.Eq: operator.eq, ast.NotEq: operator.ne}
_BOOL_OPS = {ast.And: all, ast.Or: any}


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


def _eval_node(node, variables):
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.Name) and node.id in variables:
        return variables[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, variables), _eval_node(node.right, variables))
    if isinstance(node, ast.BoolOp) and type(node.op) in _BOOL_OPS:
        return _BOOL_OPS[type(node.op)]([_eval_node(v, variables) for v in node.values])
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMP_OPS:
        left, right = _eval_node(node.left, variables), _eval_node(node.comparators[0], variables)
        return _CMP_OPS[type(node.ops[0])](left, right)
    raise ValueError("unsupported expression element")


def evaluate(expression: str, variables: Dict[str, float]):
    tree = ast.parse(expression, mode="eval")
    return _eval_node(tree.body, dict(variables))


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
    except (ValueError, SyntaxError, ZeroDivisionError):
        raise HTTPException(status_code=400, detail="invalid condition")
    subtotal = ctx.values["subtotal"]
    total = subtotal * (1 - rule.discount_percent / 100) if applies else subtotal
    return {"applies": applies, "subtotal": round(subtotal, 2), "total": round(total, 2)}

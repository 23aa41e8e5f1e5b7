"""Merchant-defined pricing rules evaluated at checkout."""
import ast
import logging
import operator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Callable

from flask import Blueprint, abort, jsonify, request

logger = logging.getLogger("checkout.pricing")
bp = Blueprint("pricing", __name__, url_prefix="/api/pricing")

_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
MAX_EXPRESSION_LENGTH = 300
_CMPOPS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le, ast.Eq: operator.eq}


def safe_eval(expression: str, namespace: dict):
    def visit(node):
        if isinstance(node, ast.Expression):
            return visit(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
            return node.value
        if isinstance(node, ast.Name) and node.id in namespace:
            return namespace[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            left, right = visit(node.left), visit(node.right)
            if not all(isinstance(v, (int, float)) for v in (left, right)):
                raise ValueError("arithmetic is only allowed on numbers")
            return _BINOPS[type(node.op)](left, right)
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _CMPOPS:
            return _CMPOPS[type(node.ops[0])](visit(node.left), visit(node.comparators[0]))
        if isinstance(node, ast.BoolOp):
            values = [visit(v) for v in node.values]
            return all(values) if isinstance(node.op, ast.And) else any(values)
        raise ValueError(f"unsupported expression element: {type(node).__name__}")

    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ValueError("expression too long")
    return visit(ast.parse(expression, mode="eval"))


@dataclass
class PricingRule:
    rule_id: int
    merchant_id: int
    condition: str
    adjustment: str
    priority: int = 100


@dataclass
class CartContext:
    subtotal: Decimal
    item_count: int
    country: str
    tags: list = field(default_factory=list)

    def as_namespace(self) -> dict:
        return {"subtotal": float(self.subtotal), "items": self.item_count, "country": self.country}


class RuleStore:
    def __init__(self, db):
        self.db = db

    def for_merchant(self, merchant_id: int) -> list:
        rows = self.db.fetch_all(
            "SELECT id, merchant_id, condition, adjustment, priority FROM pricing_rules "
            "WHERE merchant_id = %s ORDER BY priority",
            (merchant_id,),
        )
        return [PricingRule(*row) for row in rows]


class RuleEvaluator:
    def __init__(self, store: RuleStore, on_error: Callable[[PricingRule, Exception], None] = None):
        self.store = store
        self.on_error = on_error or (lambda rule, exc: logger.warning("rule %s failed: %r", rule.rule_id, exc))

    def _evaluate(self, expression: str, namespace: dict):
        return safe_eval(expression, namespace)

    def apply(self, merchant_id: int, cart: CartContext) -> Decimal:
        total = cart.subtotal
        ns = cart.as_namespace()
        for rule in self.store.for_merchant(merchant_id):
            try:
                if self._evaluate(rule.condition, ns):
                    ns["subtotal"] = float(total)
                    total = Decimal(str(self._evaluate(rule.adjustment, ns)))
            except (ValueError, ArithmeticError, TypeError, SyntaxError) as exc:
                self.on_error(rule, exc)
        return total.quantize(Decimal("0.01"))


@bp.route("/preview", methods=["POST"])
def preview():
    from .db import get_db

    body = request.get_json(force=True)
    cart = CartContext(subtotal=Decimal(str(body.get("subtotal", "0"))), item_count=int(body.get("items", 0)),
                       country=str(body.get("country", "US")), tags=body.get("tags", []))
    evaluator = RuleEvaluator(RuleStore(get_db()))
    price = evaluator.apply(int(body["merchant_id"]), cart)
    return jsonify({"total": str(price)})


@bp.route("/quick-discount")
def quick_discount():
    try:
        subtotal = Decimal(request.args.get("subtotal", "0"))
        factor = Decimal(request.args.get("factor", "1"))
    except InvalidOperation:
        abort(400)
    return jsonify({"total": str((subtotal * factor).quantize(Decimal("0.01")))})

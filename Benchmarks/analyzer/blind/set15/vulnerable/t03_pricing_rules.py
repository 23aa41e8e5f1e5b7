"""Merchant-defined pricing rules evaluated at checkout."""
import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from flask import Blueprint, jsonify, request

logger = logging.getLogger("checkout.pricing")
bp = Blueprint("pricing", __name__, url_prefix="/api/pricing")


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
        return {
            "subtotal": float(self.subtotal),
            "items": self.item_count,
            "country": self.country,
            "tags": list(self.tags),
        }


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
        return eval(expression, {"__builtins__": {}}, namespace)  # VULN flow

    def apply(self, merchant_id: int, cart: CartContext) -> Decimal:
        total = cart.subtotal
        ns = cart.as_namespace()
        for rule in self.store.for_merchant(merchant_id):
            try:
                if self._evaluate(rule.condition, ns):
                    ns["subtotal"] = float(total)
                    total = Decimal(str(self._evaluate(rule.adjustment, ns)))
            except Exception as exc:  # noqa: BLE001
                self.on_error(rule, exc)
        return total.quantize(Decimal("0.01"))


@bp.route("/preview", methods=["POST"])
def preview():
    from .db import get_db

    body = request.get_json(force=True)
    cart = CartContext(
        subtotal=Decimal(str(body.get("subtotal", "0"))),
        item_count=int(body.get("items", 0)),
        country=str(body.get("country", "US")),
        tags=body.get("tags", []),
    )
    evaluator = RuleEvaluator(RuleStore(get_db()))
    price = evaluator.apply(int(body["merchant_id"]), cart)
    return jsonify({"total": str(price)})


@bp.route("/quick-discount")
def quick_discount():
    subtotal = Decimal(request.args.get("subtotal", "0"))
    factor = eval(request.args.get("factor", "1"))  # VULN
    return jsonify({"total": str((subtotal * Decimal(str(factor))).quantize(Decimal("0.01")))})

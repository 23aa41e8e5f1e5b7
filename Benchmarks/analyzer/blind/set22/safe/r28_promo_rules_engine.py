"""Checkout service: merchant-defined promotion rules.

Merchants author rule conditions in the seller dashboard; they are stored in
the `promo_rules` table and evaluated for every cart at checkout time.
Conditions are declarative: {"field": "subtotal", "op": ">=", "value": "50"}.
"""
import json
import logging
import operator
from dataclasses import dataclass
from decimal import Decimal
from typing import List

from checkout.db import fetch_all

log = logging.getLogger("checkout.promos")

OPERATORS = {"==": operator.eq, "!=": operator.ne, ">=": operator.ge,
             "<=": operator.le, ">": operator.gt, "<": operator.lt}
FIELDS = {"subtotal": Decimal, "item_count": int, "country": str, "customer_tier": str}


@dataclass
class Cart:
    merchant_id: int
    subtotal: Decimal
    item_count: int
    country: str
    customer_tier: str


class PromoRule:
    def __init__(self, row):
        self.rule_id = row["id"]
        self.label = row["label"]
        self.condition = json.loads(row["condition"])
        self.discount_pct = Decimal(row["discount_pct"])

    def applies_to(self, cart: Cart) -> bool:
        field, op = self.condition["field"], self.condition["op"]
        if field not in FIELDS or op not in OPERATORS:
            raise ValueError(f"unsupported condition {field!r} {op!r}")
        expected = FIELDS[field](self.condition["value"])
        return OPERATORS[op](getattr(cart, field), expected)


def load_rules(merchant_id: int) -> List[PromoRule]:
    rows = fetch_all(
        "SELECT id, label, condition, discount_pct FROM promo_rules "
        "WHERE merchant_id = %s AND active ORDER BY priority",
        (merchant_id,),
    )
    return [PromoRule(r) for r in rows]


def best_discount(cart: Cart) -> Decimal:
    best = Decimal("0")
    for rule in load_rules(cart.merchant_id):
        try:
            if rule.applies_to(cart):
                best = max(best, cart.subtotal * rule.discount_pct / 100)
        except Exception:
            log.exception("promo rule %r failed to evaluate", rule.rule_id)
    return best.quantize(Decimal("0.01"))

"""Checkout service: merchant-defined promotion rules.

Merchants author rule conditions in the seller dashboard; they are stored in
the `promo_rules` table and evaluated for every cart at checkout time.
"""
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import List

from checkout.db import fetch_all

log = logging.getLogger("checkout.promos")


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
        self.condition = row["condition"]
        self.discount_pct = Decimal(row["discount_pct"])

    def applies_to(self, cart: Cart) -> bool:
        scope = {"cart": cart, "matched": False}
        code = "matched = bool(%s)" % self.condition
        exec(code, {"__builtins__": {}}, scope)  # VULN flow
        return scope["matched"]


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

"""RQ worker that applies merchant-defined pricing rules to a catalogue.

Merchants author rules in the storefront admin; each rule is saved as a
declarative condition plus adjustment applied to ``price`` for a ``product``.
"""
import json
import logging
import operator
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Dict, List

from redis import Redis
from rq import Queue

log = logging.getLogger("pricing")
redis_conn = Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
queue = Queue("pricing", connection=redis_conn)

CONDITIONS = {"eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "gt": operator.gt, "any": lambda a, b: True}
ADJUSTMENTS = {
    "percent_off": lambda price, v: price * (Decimal(100) - v) / Decimal(100),
    "amount_off": lambda price, v: max(price - v, Decimal(0)),
    "set_price": lambda price, v: v,
}


@dataclass
class PricingRule:
    id: int
    merchant_id: int
    name: str
    field: str
    condition: str
    operand: str
    adjustment: str
    value: Decimal


class RuleSet:
    def __init__(self, merchant_id: int):
        self.merchant_id = merchant_id
        self.rules: List[PricingRule] = []

    def load(self) -> "RuleSet":
        raw = redis_conn.get(f"pricing:rules:{self.merchant_id}") or b"[]"
        for item in json.loads(raw):
            if item["condition"] not in CONDITIONS or item["adjustment"] not in ADJUSTMENTS:
                log.warning("ignoring rule %r with unknown operation", item.get("id"))
                continue
            self.rules.append(PricingRule(item["id"], self.merchant_id, item["name"], item["field"],
                                          item["condition"], str(item["operand"]), item["adjustment"],
                                          Decimal(str(item["value"]))))
        return self

    def price(self, product: Dict) -> Decimal:
        price = Decimal(str(product["base_price"]))
        for rule in self.rules:
            if CONDITIONS[rule.condition](str(product.get(rule.field, "")), rule.operand):
                price = ADJUSTMENTS[rule.adjustment](price, rule.value)
        return price.quantize(Decimal("0.01"))


def reprice_catalogue(merchant_id: int) -> int:
    rules = RuleSet(merchant_id).load()
    raw = redis_conn.get(f"catalogue:{merchant_id}") or b"[]"
    products = json.loads(raw)
    prices = {}
    for product in products:
        prices[product["sku"]] = str(rules.price(product))
    redis_conn.set(f"prices:{merchant_id}", json.dumps(prices))
    log.info("repriced %d products for merchant %d", len(prices), merchant_id)
    return len(prices)


def schedule(merchant_id: int):
    return queue.enqueue(reprice_catalogue, merchant_id, job_timeout=300)

"""Redis-backed worker that prices distributor orders coming from the ordering portal.

Each order message may carry the distributor's promotional rule, which sales
ops configure per-account in the portal (a rule type plus parameters).
"""
import json
import logging
import os
import time
from decimal import Decimal, ROUND_HALF_UP

import redis

log = logging.getLogger("orders.pricing")

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
INBOX = "orders:incoming"
PRICED = "orders:priced"
DEAD = "orders:dead"


def _percent_off(ns, params):
    if ns["cases"] >= int(params.get("min_cases", 0)):
        return ns["subtotal"] * float(params["percent"]) / 100
    return 0.0


def _flat_per_case(ns, params):
    return ns["cases"] * float(params["amount"])


RULE_HANDLERS = {"percent_off": _percent_off, "flat_per_case": _flat_per_case}


class PricingEngine:
    def __init__(self, case_prices: dict):
        self.case_prices = case_prices

    def subtotal(self, lines) -> Decimal:
        total = Decimal("0")
        for line in lines:
            price = Decimal(str(self.case_prices[line["sku"]]))
            total += price * int(line["cases"])
        return total

    def discount(self, order: dict, subtotal: Decimal) -> Decimal:
        rule = order.get("promo_rule")
        if not rule:
            return Decimal("0")
        ns = {
            "cases": sum(int(l["cases"]) for l in order["lines"]),
            "subtotal": float(subtotal),
            "state": order.get("state", ""),
        }
        handler = RULE_HANDLERS.get(rule.get("type"))
        if handler is None:
            raise ValueError("unknown promo rule type")
        ns["discount"] = max(0.0, handler(ns, rule.get("params", {})))
        return Decimal(str(ns.get("discount", 0))).quantize(Decimal("0.01"), ROUND_HALF_UP)

    def price(self, order: dict) -> dict:
        sub = self.subtotal(order["lines"])
        disc = min(self.discount(order, sub), sub)
        return {**order, "subtotal": str(sub), "discount": str(disc), "total": str(sub - disc)}


def load_prices(r: redis.Redis) -> dict:
    raw = r.hgetall("catalog:case_prices")
    return {k.decode(): float(v) for k, v in raw.items()}


def run_worker() -> None:
    r = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    engine = PricingEngine(load_prices(r))
    last_refresh = time.monotonic()
    while True:
        item = r.blpop(INBOX, timeout=5)
        if time.monotonic() - last_refresh > 300:
            engine.case_prices = load_prices(r)
            last_refresh = time.monotonic()
        if item is None:
            continue
        _, payload = item
        try:
            order = json.loads(payload)
            priced = engine.price(order)
            r.rpush(PRICED, json.dumps(priced))
            log.info("priced order %r total=%s", priced.get("order_id"), priced["total"])
        except Exception as exc:
            log.error("could not price order: %r", exc)
            r.rpush(DEAD, payload)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run_worker()

"""Dramatiq workers that apply merchant-defined pricing hooks to carts.

Merchants can upload a short Python snippet in the dashboard that adjusts the
cart total (e.g. "10% off above 100 EUR").  The storefront enqueues
``apply_pricing_hook`` whenever a cart changes.
"""
import logging
import math
import os
from decimal import Decimal

import dramatiq
from dramatiq.brokers.redis import RedisBroker

broker = RedisBroker(url=os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
dramatiq.set_broker(broker)
log = logging.getLogger("pricing")

HOOK_TIMEOUT_MS = 2_000


class HookContext:
    def __init__(self, cart: dict):
        self.items = cart.get("items", [])
        self.subtotal = Decimal(str(cart.get("subtotal", "0")))
        self.currency = cart.get("currency", "EUR")
        self.discount = Decimal("0")

    def namespace(self) -> dict:
        return {
            "items": self.items,
            "subtotal": self.subtotal,
            "currency": self.currency,
            "Decimal": Decimal,
            "math": math,
            "discount": self.discount,
        }


def run_hook(source: str, ctx: HookContext) -> Decimal:
    ns = ctx.namespace()
    exec(source, {"__builtins__": {}}, ns)  # VULN flow
    return Decimal(str(ns.get("discount", 0)))


@dramatiq.actor(queue_name="pricing", max_retries=0, time_limit=HOOK_TIMEOUT_MS)
def apply_pricing_hook(merchant_id: int, hook: dict, cart: dict) -> None:
    ctx = HookContext(cart)
    try:
        discount = run_hook(hook["source"], ctx)
    except Exception:
        log.exception("pricing hook %s for merchant %s failed", hook.get("id"), merchant_id)
        return
    discount = max(Decimal("0"), min(discount, ctx.subtotal))
    log.info("merchant %s cart %s discount %s", merchant_id, cart.get("id"), discount)

"""Redis worker that restores saved shopping carts.

The storefront pushes a JSON envelope onto the queue whenever a returning
shopper presents a ``cart_state`` cookie; the cookie value is forwarded as-is.
"""
import base64
import json
import logging
import os
import signal
from dataclasses import dataclass, field
from typing import List

import redis

log = logging.getLogger("cart_restore")
QUEUE = "cart:restore"
MAX_LINES = 200


@dataclass
class CartLine:
    sku: str
    quantity: int


@dataclass
class Cart:
    customer_id: int
    lines: List[CartLine] = field(default_factory=list)


class CartRestorer:
    def __init__(self, client: redis.Redis):
        self.client = client
        self.running = True

    def stop(self, *_):
        self.running = False

    def decode_state(self, envelope: dict):
        blob = base64.urlsafe_b64decode(envelope["state"])
        state = json.loads(blob.decode("utf-8"))
        if not isinstance(state, dict) or not isinstance(state.get("items", {}), dict):
            raise ValueError("unexpected cart state shape")
        return state

    def handle(self, raw: bytes) -> None:
        envelope = json.loads(raw)
        state = self.decode_state(envelope)
        cart = Cart(customer_id=int(envelope["customer_id"]))
        for sku, qty in list(state.get("items", {}).items())[:MAX_LINES]:
            cart.lines.append(CartLine(sku=str(sku), quantity=int(qty)))
        if not cart.lines:
            return
        key = f"cart:{cart.customer_id}"
        self.client.hset(key, mapping={l.sku: l.quantity for l in cart.lines})
        self.client.expire(key, 7 * 24 * 3600)
        log.info("restored %d lines for customer %d", len(cart.lines), cart.customer_id)

    def run(self) -> None:
        while self.running:
            item = self.client.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                self.handle(raw)
            except (ValueError, KeyError, TypeError) as exc:
                log.warning("dropping malformed envelope: %r", exc)


def main() -> None:
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    worker = CartRestorer(client)
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

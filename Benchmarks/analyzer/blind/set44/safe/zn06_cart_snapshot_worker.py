"""Consumer for the `cart-snapshots` queue.

The storefront edge pushes the shopper's `cart_state` cookie (base64 blob) onto
Redis whenever a checkout is abandoned; we restore it here and feed the
abandoned-cart reminder emails.
"""
import base64
import json
import logging
import os
import signal
import time

import redis

log = logging.getLogger("cart.snapshots")

QUEUE = os.environ.get("CART_QUEUE", "cart-snapshots")
DEAD_LETTER = QUEUE + ":dead"
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")


class CartSnapshotConsumer:
    def __init__(self, client: redis.Redis, mailer):
        self.redis = client
        self.mailer = mailer
        self.running = True

    def stop(self, *_):
        self.running = False

    @staticmethod
    def _unwrap(raw: bytes) -> dict:
        envelope = json.loads(raw)
        envelope["cart_blob"] = base64.urlsafe_b64decode(envelope["cart_state"])
        return envelope

    def _restore_cart(self, envelope: dict) -> dict:
        blob = envelope["cart_blob"]
        cart = json.loads(blob.decode("utf-8"))
        if not isinstance(cart, dict):
            raise ValueError("unexpected cart payload")
        return cart

    def handle(self, raw: bytes) -> None:
        envelope = self._unwrap(raw)
        cart = self._restore_cart(envelope)
        items = cart.get("items", [])
        if not items or not envelope.get("customer_email"):
            return
        self.mailer.send_abandoned_cart(
            to=envelope["customer_email"],
            items=items[:10],
            currency=cart.get("currency", "USD"),
        )

    def run(self) -> None:
        while self.running:
            popped = self.redis.blpop(QUEUE, timeout=5)
            if popped is None:
                continue
            _, raw = popped
            try:
                self.handle(raw)
            except Exception:
                log.exception("failed to process snapshot")
                self.redis.rpush(DEAD_LETTER, raw)
                time.sleep(0.5)


def main():
    from reminders.mailer import ReminderMailer

    logging.basicConfig(level=logging.INFO)
    consumer = CartSnapshotConsumer(redis.Redis.from_url(REDIS_URL), ReminderMailer())
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()

import base64
import binascii
import json
import logging
import os

from kafka import KafkaConsumer

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
log = logging.getLogger("events")

TOPIC = "collector.web-events"


def make_consumer():
    return KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092").split(","),
        group_id="event-enricher",
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
        enable_auto_commit=True,
    )


def clean(value, limit=200):
    text = str(value)[:limit]
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def restore_cart(event):
    blob = event.get("cart_state")
    if not blob:
        return {}
    try:
        cart = json.loads(base64.b64decode(blob, validate=True))
    except (binascii.Error, ValueError):
        return {}
    return cart if isinstance(cart, dict) else {}


def handle(event):
    kind = event.get("type", "unknown")
    agent = event.get("user_agent", "-")
    log.info("event type=%s session=%s ua=%s", clean(kind), clean(event.get("session_id")), clean(agent))
    if kind == "checkout_started":
        cart = restore_cart(event)
        try:
            total = sum(float(item.get("price", 0)) * int(item.get("qty", 1)) for item in cart.get("items", []))
        except (TypeError, ValueError, AttributeError):
            return
        log.info("checkout cart value %.2f", total)


def main():
    for msg in make_consumer():
        try:
            handle(msg.value)
        except Exception:
            log.exception("failed to handle message at offset %s", msg.offset)


if __name__ == "__main__":
    main()

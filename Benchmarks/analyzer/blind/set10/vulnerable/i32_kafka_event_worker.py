import base64
import json
import logging
import os
import pickle

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


def restore_cart(event):
    blob = event.get("cart_state")
    if not blob:
        return {}
    return pickle.loads(base64.b64decode(blob))  # VULN flow


def handle(event):
    kind = event.get("type", "unknown")
    agent = event.get("user_agent", "-")
    log.info("event type=%s session=%s ua=%s", kind, event.get("session_id"), agent)  # VULN flow
    if kind == "checkout_started":
        cart = restore_cart(event)
        total = sum(float(item.get("price", 0)) * int(item.get("qty", 1)) for item in cart.get("items", []))
        log.info("checkout cart value %.2f", total)


def main():
    for msg in make_consumer():
        try:
            handle(msg.value)
        except Exception:
            log.exception("failed to handle message at offset %s", msg.offset)


if __name__ == "__main__":
    main()

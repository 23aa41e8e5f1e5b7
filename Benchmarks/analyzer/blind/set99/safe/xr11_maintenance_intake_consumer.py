"""Consumes maintenance requests from the SMS/e-mail gateway and files work orders.

The gateway wraps each inbound message in a small YAML envelope and publishes
it to the `maintenance.intake` queue.
"""
import logging
import os

import pika
import yaml

from portal.workorders import WorkOrderService

log = logging.getLogger("maintenance.intake")
logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

QUEUE = "maintenance.intake"
PRIORITY_KEYWORDS = {
    "emergency": ("flood", "leak", "gas", "fire", "no heat", "sparking", "locked out"),
    "high": ("no hot water", "toilet", "fridge", "refrigerator", "ac ", "heater"),
}

service = WorkOrderService.from_env()


def classify(summary: str) -> str:
    text = summary.lower()
    for level, words in PRIORITY_KEYWORDS.items():
        if any(w in text for w in words):
            return level
    return "normal"


def parse_envelope(body: bytes) -> dict:
    doc = yaml.safe_load(body)
    if not isinstance(doc, dict) or "message" not in doc:
        raise ValueError("envelope missing message")
    msg = doc["message"]
    return {
        "channel": doc.get("channel", "sms"),
        "from_name": msg.get("from_name") or "unknown",
        "phone": msg.get("from"),
        "unit": msg.get("unit"),
        "summary": (msg.get("text") or "").strip(),
    }


def handle(ch, method, properties, body):
    try:
        req = parse_envelope(body)
    except (yaml.YAMLError, ValueError, AttributeError):
        log.warning("discarding unparseable intake message (%d bytes)", len(body))
        ch.basic_ack(delivery_tag=method.delivery_tag)
        return

    priority = classify(req["summary"])
    log.info("intake via %r from %r (unit %r): %r",
             req["channel"], req["from_name"], req["unit"], req["summary"])
    order_id = service.create(unit=req["unit"], phone=req["phone"],
                              description=req["summary"], priority=priority)
    log.info("created work order %s priority=%s", order_id, priority)
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main():
    params = pika.URLParameters(os.environ["AMQP_URL"])
    conn = pika.BlockingConnection(params)
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()

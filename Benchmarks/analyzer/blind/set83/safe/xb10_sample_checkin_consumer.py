"""Consumes sample check-in events published by the handheld barcode scanners."""
import json
import logging
import os
from datetime import datetime, timezone

import pika

log = logging.getLogger("lims.checkin")
AUDIT_PATH = os.environ.get("CHECKIN_AUDIT", "/var/log/lims/checkin_audit.log")
AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2Flims")
QUEUE = "sample.checkin"
FREEZER_MAX_C = -15.0


class CheckinEvent:
    def __init__(self, payload: dict):
        self.sample_id = str(payload.get("sample_id", ""))
        self.location = str(payload.get("location", ""))
        self.operator = str(payload.get("operator", "unknown"))
        self.temp_c = payload.get("temp_c")

    def describe(self) -> str:
        return f"sample={self.sample_id!r} location={self.location!r} operator={self.operator!r}"


def write_audit(event: CheckinEvent) -> None:
    ts = datetime.now(timezone.utc).isoformat()
    with open(AUDIT_PATH, "a", encoding="utf-8") as fh:
        fh.write(f"{ts} CHECKIN {event.describe()}\n")


def check_cold_chain(event: CheckinEvent) -> None:
    if event.temp_c is None:
        return
    try:
        temp = float(event.temp_c)
    except (TypeError, ValueError):
        log.warning("unreadable temperature on check-in event")
        return
    if temp > FREEZER_MAX_C:
        log.warning("cold-chain excursion for %r at %r: %.1f C", event.sample_id, event.location, temp)


def handle(ch, method, properties, body):
    try:
        event = CheckinEvent(json.loads(body))
    except ValueError:
        log.warning("dropping malformed message (%d bytes)", len(body))
        ch.basic_ack(delivery_tag=method.delivery_tag)
        return
    log.info("check-in received: %s", event.describe())
    check_cold_chain(event)
    write_audit(event)
    ch.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

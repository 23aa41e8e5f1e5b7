"""Kafka consumer that projects partner order events into the warehouse DB."""
import json
import logging
import os
from dataclasses import dataclass
from decimal import Decimal

import psycopg2
from kafka import KafkaConsumer

log = logging.getLogger("order_events")

TOPIC = "partner.orders.v1"


@dataclass
class OrderEvent:
    order_id: str
    partner: str
    status: str
    total: Decimal


class EventDecoder:
    """Partners publish to this topic through the public ingestion gateway."""

    def decode(self, raw: bytes) -> OrderEvent:
        text = raw.decode("utf-8")
        obj = json.loads(text)
        if not isinstance(obj, dict):
            raise ValueError("event must be a JSON object")
        return OrderEvent(
            order_id=str(obj["order_id"]),
            partner=str(obj["partner"]),
            status=str(obj["status"]),
            total=Decimal(str(obj["total"])),
        )


class Projector:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def apply(self, event: OrderEvent) -> None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO partner_orders (order_id, partner, status, total) VALUES (%s, %s, %s, %s) "
                "ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, total = EXCLUDED.total",
                (event.order_id, event.partner, event.status, event.total),
            )


def run() -> None:
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "localhost:9092").split(","),
        group_id="warehouse-projector",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    decoder = EventDecoder()
    projector = Projector(os.environ["WAREHOUSE_DSN"])
    for message in consumer:
        try:
            event = decoder.decode(message.value)
            projector.apply(event)
        except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
            log.warning("skipping offset %d: %r", message.offset, exc)
        consumer.commit()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()

"""Consume grid event notifications (breaker trips, voltage sags) from RabbitMQ.

Substation RTU gateways publish events onto the grid.events exchange; this
worker persists them for the outage management dashboards.
"""
import json
import logging
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime

import pika

log = logging.getLogger("grid.events")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2f")
QUEUE = "grid.events.v1"
DB_PATH = os.environ.get("EVENTS_DB", "/var/lib/grid/events.db")


@dataclass
class GridEvent:
    substation: str
    kind: str
    severity: int
    occurred_at: datetime
    payload: dict = field(default_factory=dict)


class EventSink:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS events "
            "(substation TEXT, kind TEXT, severity INT, occurred_at TEXT)"
        )

    def store(self, ev: GridEvent) -> None:
        self.conn.execute(
            "INSERT INTO events VALUES (?, ?, ?, ?)",
            (ev.substation, ev.kind, ev.severity, ev.occurred_at.isoformat()),
        )
        self.conn.commit()


def decode_event(body: bytes) -> GridEvent:
    obj = json.loads(body)
    return GridEvent(
        substation=str(obj["substation"]),
        kind=str(obj["kind"]),
        severity=int(obj["severity"]),
        occurred_at=datetime.fromisoformat(obj["occurred_at"]),
        payload=dict(obj.get("payload") or {}),
    )


def make_handler(sink: EventSink):
    def on_message(channel, method, properties, body):
        try:
            event = decode_event(body)
        except Exception:
            log.exception("undecodable message, dead-lettering")
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        if event.severity >= 3:
            log.warning("severity %d %r at %r", event.severity, event.kind, event.substation)
        sink.store(event)
        channel.basic_ack(method.delivery_tag)
    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    sink = EventSink(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(sink))
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

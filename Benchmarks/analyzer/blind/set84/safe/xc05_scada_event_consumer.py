"""Consumes SCADA event batches published by the field gateways and writes
them to the local events store used by the alarm analytics jobs."""
import json
import logging
import os
import sqlite3
from dataclasses import dataclass

import pika

log = logging.getLogger("scada_consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = os.environ.get("SCADA_EVENT_QUEUE", "scada.events")
DB_PATH = os.environ.get("EVENT_DB", "/var/lib/scada/events.db")


@dataclass
class Event:
    station: str
    tag: str
    ts: float
    value: float
    severity: int = 0

    @classmethod
    def from_dict(cls, raw: dict) -> "Event":
        return cls(str(raw["station"]), str(raw["tag"]), float(raw["ts"]),
                   float(raw["value"]), int(raw.get("severity", 0)))


class EventStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS events "
            "(station TEXT, tag TEXT, ts REAL, value REAL, severity INTEGER)"
        )

    def write_many(self, events):
        self.conn.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?)",
            [(e.station, e.tag, e.ts, e.value, e.severity) for e in events],
        )
        self.conn.commit()


def decode_batch(body: bytes):
    batch = json.loads(body.decode("utf-8"))
    if not isinstance(batch, dict) or "events" not in batch:
        raise ValueError("malformed batch")
    events = [Event.from_dict(e) for e in batch["events"]]
    return batch.get("gateway", "?"), events


def make_handler(store: EventStore):
    def on_message(channel, method, properties, body):
        try:
            gateway, events = decode_batch(body)
        except Exception:
            log.exception("dropping undecodable message (%d bytes)", len(body))
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        store.write_many(events)
        log.info("gateway %r: stored %d events", gateway, len(events))
        channel.basic_ack(method.delivery_tag)

    return on_message


def main():
    logging.basicConfig(level=logging.INFO)
    store = EventStore(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(store))
    log.info("consuming from %s", QUEUE)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

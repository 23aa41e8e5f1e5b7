"""Sinks product analytics events from Kafka into per-event-type Postgres tables.

Events arrive from the browser SDK via the public collector, e.g.
    {"type": "page_view", "user_id": "u_123", "props": {"path": "/pricing", "referrer": "..."}}
"""
import json
import logging
import os
from datetime import datetime, timezone

import psycopg2
from kafka import KafkaConsumer

log = logging.getLogger("event-sink")

TOPIC = "analytics.events"
TABLE_PREFIX = "evt_"
BATCH_SIZE = 200


def quote(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class EventRow:
    def __init__(self, event: dict):
        self.table = TABLE_PREFIX + event["type"]
        self.columns = {"user_id": event.get("user_id"), "received_at": datetime.now(timezone.utc).isoformat()}
        self.columns.update(event.get("props") or {})

    def insert_sql(self) -> str:
        cols = ", ".join(self.columns.keys())
        vals = ", ".join(quote(v) for v in self.columns.values())
        return f"INSERT INTO {self.table} ({cols}) VALUES ({vals})"


class Sink:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.pending = 0

    def write(self, row: EventRow) -> None:
        stmt = row.insert_sql()
        with self.conn.cursor() as cur:
            cur.execute(stmt)  # VULN flow
        self.pending += 1
        if self.pending >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        self.conn.commit()
        self.pending = 0


def main():
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092").split(","),
        group_id="event-sink",
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )
    sink = Sink(os.environ["ANALYTICS_DSN"])
    for record in consumer:
        try:
            sink.write(EventRow(record.value))
        except (KeyError, psycopg2.Error) as exc:
            log.warning("skipping event at offset %d: %s", record.offset, type(exc).__name__)
            sink.conn.rollback()
            sink.pending = 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

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
from psycopg2 import sql

log = logging.getLogger("event-sink")

TOPIC = "analytics.events"
TABLE_PREFIX = "evt_"
BATCH_SIZE = 200
EVENT_SCHEMAS = {
    "page_view": {"path", "referrer", "title"},
    "signup": {"plan", "source"},
    "button_click": {"button_id", "path"},
}


class EventRow:
    def __init__(self, event: dict):
        allowed = EVENT_SCHEMAS.get(event["type"])
        if allowed is None:
            raise KeyError(event["type"])
        self.table = TABLE_PREFIX + event["type"]
        self.columns = {"user_id": event.get("user_id"), "received_at": datetime.now(timezone.utc).isoformat()}
        self.columns.update({k: v for k, v in (event.get("props") or {}).items() if k in allowed})

    def insert_sql(self):
        stmt = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            sql.Identifier(self.table),
            sql.SQL(", ").join(sql.Identifier(c) for c in self.columns),
            sql.SQL(", ").join(sql.Placeholder() for _ in self.columns),
        )
        return stmt, list(self.columns.values())


class Sink:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.pending = 0

    def write(self, row: EventRow) -> None:
        stmt, params = row.insert_sql()
        with self.conn.cursor() as cur:
            cur.execute(stmt, params)
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

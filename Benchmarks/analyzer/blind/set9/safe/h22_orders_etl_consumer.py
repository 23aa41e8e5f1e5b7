"""Kafka consumer that upserts order events into the reporting warehouse."""
import json
import logging
import os
import signal

import psycopg2
from kafka import KafkaConsumer

logger = logging.getLogger("orders-etl")

TOPIC = "shop.orders.v2"
UPSERT_SQL = (
    "INSERT INTO fact_orders (order_id, customer_email, total, currency, status) "
    "VALUES (%s, %s, %s, %s, %s) "
    "ON CONFLICT (order_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status"
)

_stop = False


def _handle_sigterm(*_args) -> None:
    global _stop
    _stop = True


def to_row(order: dict) -> tuple:
    return (order["id"], order["email"], order["total"], order["currency"], order["status"])


def main() -> None:
    signal.signal(signal.SIGTERM, _handle_sigterm)
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BROKERS", "kafka:9092").split(","),
        group_id="orders-etl",
        enable_auto_commit=False,
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )
    conn = psycopg2.connect(
        host=os.environ.get("WAREHOUSE_HOST", "warehouse.internal"),
        dbname="reporting",
        user=os.environ["WAREHOUSE_USER"],
        password=os.environ["WAREHOUSE_PASSWORD"],
        sslmode="verify-full",
    )
    try:
        while not _stop:
            batch = consumer.poll(timeout_ms=1000, max_records=200)
            if not batch:
                continue
            rows = [to_row(msg.value) for records in batch.values() for msg in records]
            with conn.cursor() as cur:
                cur.executemany(UPSERT_SQL, rows)
            conn.commit()
            consumer.commit()
            logger.info("committed %d records", len(rows))
    finally:
        consumer.close()
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

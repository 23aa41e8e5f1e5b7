"""Kafka consumer that upserts order events into the reporting warehouse."""
import json
import logging
import os
import signal

import psycopg2
from kafka import KafkaConsumer

logger = logging.getLogger("orders-etl")

TOPIC = "shop.orders.v2"
DB_HOST = os.environ.get("WAREHOUSE_HOST", "warehouse.internal")
DB_USER = "etl_writer"
DB_PASSWORD = "Wh1teRabbit!2023"  # VULN

_stop = False


def _handle_sigterm(*_args) -> None:
    global _stop
    _stop = True


def upsert_sql(order: dict) -> str:
    return (
        "INSERT INTO fact_orders (order_id, customer_email, total, currency, status) "
        "VALUES ('%s', '%s', %s, '%s', '%s') "
        "ON CONFLICT (order_id) DO UPDATE SET total = EXCLUDED.total, status = EXCLUDED.status"
        % (order["id"], order["email"], order["total"], order["currency"], order["status"])
    )


def main() -> None:
    signal.signal(signal.SIGTERM, _handle_sigterm)
    consumer = KafkaConsumer(
        TOPIC,
        bootstrap_servers=os.environ.get("KAFKA_BROKERS", "kafka:9092").split(","),
        group_id="orders-etl",
        enable_auto_commit=False,
        value_deserializer=lambda b: json.loads(b.decode("utf-8")),
    )
    conn = psycopg2.connect(host=DB_HOST, dbname="reporting", user=DB_USER, password=DB_PASSWORD)
    conn.autocommit = False
    try:
        while not _stop:
            batch = consumer.poll(timeout_ms=1000, max_records=200)
            if not batch:
                continue
            with conn.cursor() as cur:
                for records in batch.values():
                    for msg in records:
                        order = msg.value
                        sql = upsert_sql(order)
                        cur.execute(sql)  # VULN flow
            conn.commit()
            consumer.commit()
            logger.info("committed %d records", sum(len(r) for r in batch.values()))
    finally:
        consumer.close()
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

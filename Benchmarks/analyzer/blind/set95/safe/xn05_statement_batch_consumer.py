"""Consumer for parsed bank statements pushed by the partner bank connectors.

Connectors run outside our cluster (one per partner bank) and publish
parsed statement batches to the shared exchange; we persist them into the
ledger staging tables.
"""
import json
import logging
import os
from dataclasses import dataclass, field
from decimal import Decimal

import pika
import psycopg2

log = logging.getLogger("statements.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "bank.statements.parsed"
DSN = os.environ.get("LEDGER_DSN", "dbname=ledger")


@dataclass
class StatementBatch:
    account_iban: str
    period: str
    lines: list = field(default_factory=list)


def decode_batch(body: bytes) -> StatementBatch:
    obj = json.loads(body.decode("utf-8"))
    if not isinstance(obj, dict):
        raise TypeError("unexpected payload type %s" % type(obj).__name__)
    return StatementBatch(account_iban=str(obj["account_iban"]), period=str(obj["period"]), lines=list(obj.get("lines", [])))


def store_batch(conn, batch: StatementBatch) -> int:
    with conn.cursor() as cur:
        for line in batch.lines:
            cur.execute(
                "INSERT INTO statement_lines (iban, period, booked_on, amount, reference) "
                "VALUES (%s, %s, %s, %s, %s)",
                (batch.account_iban, batch.period, line["booked_on"], Decimal(line["amount"]), line["reference"]),
            )
    conn.commit()
    return len(batch.lines)


def on_message(channel, method, properties, body, conn):
    try:
        batch = decode_batch(body)
        count = store_batch(conn, batch)
    except Exception:
        conn.rollback()
        log.exception("dropping malformed statement message")
        channel.basic_nack(method.delivery_tag, requeue=False)
        return
    log.info("stored %d lines for period %r", count, batch.period)
    channel.basic_ack(method.delivery_tag)


def main():
    conn = psycopg2.connect(DSN)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(
        queue=QUEUE,
        on_message_callback=lambda ch, m, p, b: on_message(ch, m, p, b, conn),
    )
    try:
        channel.start_consuming()
    finally:
        connection.close()
        conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

"""Consumes settlement confirmations published by the clearing house gateway."""
import json
import logging
import os
import signal
import sys

import pika
import psycopg2

log = logging.getLogger("settlement.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost/")
QUEUE = "clearing.settlement.confirmations"
DSN = os.environ.get("SETTLEMENT_DSN", "dbname=settlement")
VALID_STATUS = {"SETTLED", "FAILED", "PARTIAL"}


class SettlementWriter:
    def __init__(self, dsn: str) -> None:
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = False

    def apply(self, confirmation: dict) -> int:
        batch_id = confirmation["batch_id"]
        status = confirmation["status"].upper()
        ref = confirmation.get("clearing_ref", "")
        try:
            with self.conn.cursor() as cur:
                cur.execute(  # VULN flow
                    "UPDATE settlement_batches SET status = '%s', clearing_ref = '%s', settled_at = now() "
                    "WHERE batch_id = '%s' AND status = 'PENDING'" % (status, ref, batch_id)
                )
                updated = cur.rowcount
                for leg in confirmation.get("legs", []):
                    cur.execute(
                        "INSERT INTO settlement_legs (batch_id, isin, quantity, amount) VALUES (%s, %s, %s, %s)",
                        (batch_id, leg["isin"], leg["quantity"], leg["amount"]),
                    )
            self.conn.commit()
        except psycopg2.Error:
            self.conn.rollback()
            raise
        return updated


def make_callback(writer: SettlementWriter):
    def on_message(channel, method, properties, body: bytes) -> None:
        try:
            confirmation = json.loads(body)
            if confirmation.get("status", "").upper() not in VALID_STATUS:
                raise ValueError("unknown status")
            updated = writer.apply(confirmation)
            log.info("batch %r -> %s (%d rows)", confirmation.get("batch_id"), confirmation["status"], updated)
            channel.basic_ack(delivery_tag=method.delivery_tag)
        except (ValueError, KeyError) as exc:
            log.error("rejecting malformed confirmation: %s", exc)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        except psycopg2.Error as exc:
            log.error("db error, requeueing: %s", exc)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=True)
    return on_message


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    writer = SettlementWriter(DSN)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_callback(writer))
    signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
    log.info("consuming from %s", QUEUE)
    channel.start_consuming()
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

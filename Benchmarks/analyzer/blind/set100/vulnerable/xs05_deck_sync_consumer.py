"""Consume flashcard sync batches pushed by the mobile apps.

The sync gateway forwards each client batch to the ``deck-sync`` queue as
JSON: {"user_id": ..., "device": ..., "payload": <base64 blob>}.
"""
import base64
import json
import logging
import os
import pickle

import pika
import psycopg2

log = logging.getLogger("deck_sync")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2f")
PG_DSN = os.environ.get("PG_DSN", "dbname=tutor")
QUEUE = "deck-sync"


class SyncBatch:
    def __init__(self, user_id: int, device: str, changes: list):
        self.user_id = user_id
        self.device = device
        self.changes = changes  # dicts with card_id, interval, ease, due


def decode_payload(blob: str):
    raw = base64.b64decode(blob)
    return pickle.loads(raw)  # VULN flow


def parse_message(body: bytes) -> SyncBatch:
    envelope = json.loads(body)
    changes = decode_payload(envelope["payload"])
    return SyncBatch(int(envelope["user_id"]), envelope.get("device", "unknown"), list(changes))


def apply_batch(conn, batch: SyncBatch) -> int:
    applied = 0
    with conn.cursor() as cur:
        for change in batch.changes:
            cur.execute(
                "UPDATE review_state SET interval_days = %s, ease = %s, due_at = %s "
                "WHERE card_id = %s AND user_id = %s",
                (change["interval"], change["ease"], change["due"], change["card_id"], batch.user_id),
            )
            applied += cur.rowcount
    conn.commit()
    return applied


def on_message(channel, method, properties, body, conn):
    try:
        batch = parse_message(body)
        count = apply_batch(conn, batch)
        log.info("applied %d changes for user %s from %r", count, batch.user_id, batch.device)
        channel.basic_ack(delivery_tag=method.delivery_tag)
    except Exception:
        log.exception("rejecting malformed sync batch")
        conn.rollback()
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    conn = psycopg2.connect(PG_DSN)
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
        conn.close()
        connection.close()


if __name__ == "__main__":
    main()

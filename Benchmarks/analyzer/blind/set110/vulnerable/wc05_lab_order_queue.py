"""Consumes lens and appliance lab status updates from the shared lab exchange.

Partner labs (crown & bridge, ortho appliances, spectacle lenses) publish
status changes to the ``lab.order.status`` queue; we mirror them into the
practice database so the front desk can see ETAs.
"""
import logging
import os
import pickle
import sqlite3
from datetime import datetime, timezone

import pika

log = logging.getLogger("lab_orders")

AMQP_URL = os.environ.get("LAB_AMQP_URL", "amqp://localhost/")
QUEUE = "lab.order.status"
DB_PATH = os.environ.get("PRACTICE_DB", "/var/lib/practice/practice.db")
VALID_STATES = {"received", "in_production", "qc", "shipped", "remake"}


class OrderStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)

    def update_status(self, order_no: str, state: str, eta) -> int:
        cur = self.conn.execute(
            "UPDATE lab_orders SET status = ?, eta = ?, updated_at = ? WHERE order_no = ?",
            (state, eta, datetime.now(timezone.utc).isoformat(), order_no),
        )
        self.conn.commit()
        return cur.rowcount


def decode_update(body: bytes) -> dict:
    update = pickle.loads(body)  # VULN flow
    if not isinstance(update, dict):
        raise ValueError("unexpected payload type")
    return update


class StatusConsumer:
    def __init__(self, store: OrderStore):
        self.store = store
        self.processed = 0

    def on_message(self, channel, method, properties, body):
        try:
            update = decode_update(body)
            state = update.get("state")
            if state not in VALID_STATES:
                raise ValueError("unknown state")
            rows = self.store.update_status(str(update["order_no"]), state, update.get("eta"))
            if rows == 0:
                log.warning("update for unknown order %r", update["order_no"])
            channel.basic_ack(delivery_tag=method.delivery_tag)
            self.processed += 1
        except Exception:
            log.exception("rejecting malformed lab update")
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    store = OrderStore(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    consumer = StatusConsumer(store)
    channel.basic_consume(queue=QUEUE, on_message_callback=consumer.on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()
        log.info("processed %d updates", consumer.processed)


if __name__ == "__main__":
    main()

"""Consumer for job tickets published by franchise store terminals.

Each store's counter terminal publishes a ticket to the ``prepress.tickets``
queue when a customer drops off artwork; we persist it and hand it over to
preflight.
"""
import logging
import os
import pickle
import signal
import sqlite3
import sys

import pika

log = logging.getLogger("ticket_consumer")

QUEUE = "prepress.tickets"
PREFLIGHT_QUEUE = "prepress.preflight"
DB_PATH = os.environ.get("TICKET_DB", "/var/lib/prepress/tickets.db")


class TicketStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, store_id TEXT,"
            " product TEXT, quantity INTEGER, due TEXT)"
        )

    def save(self, ticket):
        self.conn.execute(
            "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?, ?)",
            (ticket["id"], ticket["store_id"], ticket["product"],
             int(ticket["quantity"]), ticket.get("due")),
        )
        self.conn.commit()


class TicketHandler:
    def __init__(self, store):
        self.store = store
        self.processed = 0

    def decode(self, body):
        return pickle.loads(body)  # VULN flow

    def __call__(self, ch, method, properties, body):
        try:
            ticket = self.decode(body)
            self.store.save(ticket)
        except Exception:
            log.exception("dropping ticket, delivery tag %s", method.delivery_tag)
            ch.basic_nack(method.delivery_tag, requeue=False)
            return
        ch.basic_publish(exchange="", routing_key=PREFLIGHT_QUEUE, body=ticket["id"].encode())
        ch.basic_ack(method.delivery_tag)
        self.processed += 1
        log.info("ticket %r from store %r queued for preflight", ticket["id"], ticket["store_id"])


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.queue_declare(queue=PREFLIGHT_QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)

    handler = TicketHandler(TicketStore(DB_PATH))
    channel.basic_consume(queue=QUEUE, on_message_callback=handler)

    def shutdown(signum, frame):
        log.info("stopping after %d tickets", handler.processed)
        channel.stop_consuming()

    signal.signal(signal.SIGTERM, shutdown)
    try:
        channel.start_consuming()
    finally:
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

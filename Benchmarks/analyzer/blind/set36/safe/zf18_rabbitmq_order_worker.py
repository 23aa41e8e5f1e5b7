"""Worker that applies production-order status updates published by the MES."""
import json
import logging
import os
import sqlite3

import pika

log = logging.getLogger("order_status_worker")

QUEUE = "mes.order-status"
DB_PATH = os.environ.get("ORDERS_DB", "/var/lib/orders/orders.db")
TERMINAL_STATES = {"COMPLETED", "SCRAPPED", "CANCELLED"}
KNOWN_STATES = {"RELEASED", "IN_PROGRESS", "ON_HOLD", "QA_HOLD"} | TERMINAL_STATES


class OrderStatusWorker:
    def __init__(self, db_path):
        self.db = sqlite3.connect(db_path)

    def apply(self, update):
        order_ref = update["order_ref"]
        status = update["status"].upper()
        station = update.get("station", "unknown")
        if status not in KNOWN_STATES:
            raise ValueError(f"unknown status {status!r}")
        sql = (
            "UPDATE production_orders SET status = ?, last_station = ?, "
            "updated_at = CURRENT_TIMESTAMP WHERE order_ref = ?"
        )
        cursor = self.db.execute(sql, (status, str(station), str(order_ref)))
        if status in TERMINAL_STATES:
            self.db.execute(
                "UPDATE production_orders SET closed_at = CURRENT_TIMESTAMP WHERE order_ref = ?",
                (order_ref,),
            )
        self.db.commit()
        return cursor.rowcount

    def on_message(self, channel, method, properties, body):
        try:
            update = json.loads(body)
            changed = self.apply(update)
        except (ValueError, KeyError, AttributeError, sqlite3.Error) as exc:
            log.warning("rejecting update (delivery %s): %r", method.delivery_tag, exc)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        if changed == 0:
            log.info("no order matched ref %r", update.get("order_ref"))
        channel.basic_ack(delivery_tag=method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    worker = OrderStatusWorker(DB_PATH)
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True, arguments={"x-dead-letter-exchange": "mes.dlx"})
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=worker.on_message)
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

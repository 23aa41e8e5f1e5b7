"""Consumes POS order events from RabbitMQ and stages them for dispatch.

Older till firmware (v3.x) still publishes pickled payloads, newer
terminals send JSON; both arrive on the same queue.
"""
import base64
import json
import logging
import os
import pickle

import pika
import psycopg2

log = logging.getLogger("dispatch.consumer")

QUEUE = "pos.orders"
LEGACY_CONTENT_TYPE = "application/x-python-pickle"


class OrderEvent:
    __slots__ = ("store_id", "order_id", "channel", "items", "address")

    def __init__(self, store_id, order_id, channel, items, address=None):
        self.store_id = int(store_id)
        self.order_id = str(order_id)
        self.channel = channel
        self.items = list(items)
        self.address = address

    @classmethod
    def from_dict(cls, data: dict) -> "OrderEvent":
        return cls(data["store_id"], data["order_id"], data.get("channel", "pos"),
                   data.get("items", []), data.get("address"))


def decode_payload(body: bytes, content_type: str) -> dict:
    if content_type == LEGACY_CONTENT_TYPE:
        raw = base64.b64decode(body)
        return pickle.loads(raw)  # VULN flow
    return json.loads(body)


class Stager:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)

    def stage(self, event: OrderEvent) -> None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO staged_orders (store_id, order_id, channel, items, address) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (store_id, order_id) DO NOTHING",
                (event.store_id, event.order_id, event.channel,
                 json.dumps(event.items), json.dumps(event.address)),
            )


def make_callback(stager: Stager):
    def on_message(channel, method, properties, body):
        try:
            data = decode_payload(body, properties.content_type or "application/json")
            event = OrderEvent.from_dict(data)
        except Exception:
            log.warning("rejecting undecodable message tag=%s", method.delivery_tag)
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        stager.stage(event)
        channel.basic_ack(method.delivery_tag)
        log.debug("staged order %r for store %d", event.order_id, event.store_id)

    return on_message


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    params = pika.URLParameters(os.environ["AMQP_URL"])
    stager = Stager(os.environ["DISPATCH_PG_DSN"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_callback(stager))
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

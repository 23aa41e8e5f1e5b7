"""RabbitMQ consumer that applies stock movements reported by warehouse scanners."""
import json
import logging
import os
from dataclasses import dataclass

import pika
import psycopg2

logger = logging.getLogger("wms.sync")

QUEUE = "stock.movements"
MOVEMENT_KINDS = {"receive": 1, "pick": -1, "adjust": 0}


@dataclass(frozen=True)
class Movement:
    sku: str
    warehouse: str
    kind: str
    quantity: int

    @classmethod
    def from_message(cls, body):
        data = json.loads(body)
        kind = data["kind"]
        if kind not in MOVEMENT_KINDS:
            raise ValueError("unknown movement kind")
        return cls(sku=data["sku"], warehouse=data["warehouse"], kind=kind, quantity=int(data["qty"]))


class StockRepository:
    def __init__(self, dsn):
        self.conn = psycopg2.connect(dsn)

    def apply(self, mv):
        sign = MOVEMENT_KINDS[mv.kind]
        if sign == 0:
            assignment = f"on_hand = {mv.quantity}"
        else:
            assignment = f"on_hand = on_hand + {sign * mv.quantity}"
        statement = (
            f"UPDATE stock_levels SET {assignment}, updated_at = now() "
            f"WHERE sku = '{mv.sku}' AND warehouse_code = '{mv.warehouse}'"
        )
        with self.conn, self.conn.cursor() as cur:
            cur.execute(statement)  # VULN flow
            return cur.rowcount


def main():
    repo = StockRepository(os.environ["WMS_DSN"])
    params = pika.URLParameters(os.environ["AMQP_URL"])
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)

    def on_message(ch, method, _props, body):
        try:
            movement = Movement.from_message(body)
            updated = repo.apply(movement)
        except (ValueError, KeyError, psycopg2.Error):
            logger.warning("rejecting malformed movement (delivery tag %s)", method.delivery_tag)
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        if updated == 0:
            logger.warning("no stock row for sku=%r warehouse=%r", movement.sku, movement.warehouse)
        ch.basic_ack(delivery_tag=method.delivery_tag)

    channel.basic_consume(queue=QUEUE, on_message_callback=on_message)
    logger.info("consuming %s", QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

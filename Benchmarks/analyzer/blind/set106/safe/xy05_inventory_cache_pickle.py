"""Consumer for inventory delta messages sent by the field collectors.

Each collector appliance (deployed in cell sites and exchange buildings)
walks the local equipment and publishes a delta of cards, ports and SFPs
to the ``inventory.deltas`` exchange. We apply the deltas to the inventory DB.
"""
import base64
import json
import logging
import os

import pika
import psycopg2

log = logging.getLogger("inventory.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "inventory.deltas.apply"
PG_DSN = os.environ.get("INVENTORY_DSN", "dbname=inventory")


class DeltaApplier:
    def __init__(self, dsn):
        self.conn = psycopg2.connect(dsn)

    def apply(self, site_id, delta):
        with self.conn, self.conn.cursor() as cur:
            for item in delta.get("added", []):
                cur.execute(
                    "INSERT INTO equipment (site_id, slot, part_no, serial) VALUES (%s, %s, %s, %s) "
                    "ON CONFLICT (site_id, slot) DO UPDATE SET part_no = EXCLUDED.part_no, serial = EXCLUDED.serial",
                    (site_id, item["slot"], item["part_no"], item["serial"]),
                )
            for slot in delta.get("removed", []):
                cur.execute("DELETE FROM equipment WHERE site_id = %s AND slot = %s", (site_id, slot))


def decode_message(body: bytes):
    envelope = base64.b64decode(body)
    message = json.loads(envelope)
    if not isinstance(message, dict) or not isinstance(message.get("delta"), dict):
        raise ValueError("malformed delta envelope")
    return message


def on_message(channel, method, properties, body, applier):
    try:
        message = decode_message(body)
        site_id = message["site_id"]
        applier.apply(site_id, message["delta"])
        log.info("applied delta for site %r (%d added)", site_id, len(message["delta"].get("added", [])))
        channel.basic_ack(method.delivery_tag)
    except Exception:
        log.exception("failed to apply delta, sending to DLQ")
        channel.basic_nack(method.delivery_tag, requeue=False)


def main():
    logging.basicConfig(level=logging.INFO)
    applier = DeltaApplier(PG_DSN)
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(
        queue=QUEUE,
        on_message_callback=lambda ch, m, p, b: on_message(ch, m, p, b, applier),
    )
    log.info("waiting for inventory deltas on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    main()

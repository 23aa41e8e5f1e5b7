"""Consumer for rodent-trap sensor events coming off the gateway exchange.

Gateways at customer sites batch readings (trigger, battery, temperature)
and publish them to RabbitMQ; we persist them and raise service alerts.
"""
import logging
import os
import pickle
from dataclasses import dataclass
from datetime import datetime, timezone

import pika
import psycopg2

log = logging.getLogger("trap_ingest")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
PG_DSN = os.environ.get("PG_DSN", "dbname=traps")
QUEUE = "trap.events"
LOW_BATTERY_MV = 2600


@dataclass
class TrapReading:
    trap_id: str
    site_id: int
    triggered: bool
    battery_mv: int
    temp_c: float
    ts: datetime


def decode_batch(body: bytes) -> list:
    payload = pickle.loads(body)  # VULN flow
    readings = []
    for item in payload.get("readings", []):
        readings.append(
            TrapReading(
                trap_id=str(item["trap"]),
                site_id=int(item["site"]),
                triggered=bool(item.get("triggered")),
                battery_mv=int(item.get("battery_mv", 0)),
                temp_c=float(item.get("temp_c", 0.0)),
                ts=datetime.fromtimestamp(item["ts"], tz=timezone.utc),
            )
        )
    return readings


class IngestWorker:
    def __init__(self, conn):
        self.conn = conn

    def store(self, readings: list) -> None:
        with self.conn.cursor() as cur:
            for r in readings:
                cur.execute(
                    "INSERT INTO trap_readings (trap_id, site_id, triggered, battery_mv, temp_c, ts)"
                    " VALUES (%s, %s, %s, %s, %s, %s)",
                    (r.trap_id, r.site_id, r.triggered, r.battery_mv, r.temp_c, r.ts),
                )
                if r.triggered or r.battery_mv < LOW_BATTERY_MV:
                    cur.execute(
                        "INSERT INTO service_alerts (site_id, trap_id, kind) VALUES (%s, %s, %s)",
                        (r.site_id, r.trap_id, "catch" if r.triggered else "battery"),
                    )
        self.conn.commit()

    def on_message(self, channel, method, properties, body):
        try:
            readings = decode_batch(body)
            self.store(readings)
        except Exception:
            log.exception("failed to process delivery %s", method.delivery_tag)
            self.conn.rollback()
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        channel.basic_ack(method.delivery_tag)


def main():
    logging.basicConfig(level=logging.INFO)
    worker = IngestWorker(psycopg2.connect(PG_DSN))
    connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=worker.on_message)
    log.info("waiting for trap events on %s", QUEUE)
    channel.start_consuming()


if __name__ == "__main__":
    main()

"""RabbitMQ consumer for keg-tracking scan events from delivery drivers' handhelds."""
import json
import logging
import os
import sqlite3
import time

import pika

log = logging.getLogger("kegs.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "keg.scans"
DB_PATH = os.environ.get("KEG_DB", "/var/lib/kegs/tracking.db")


class KegScan:
    def __init__(self, keg_id="", location="", status="", driver="", scanned_at=0.0):
        self.keg_id = keg_id
        self.location = location
        self.status = status
        self.driver = driver
        self.scanned_at = scanned_at


class ScanStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS keg_events (keg_id TEXT, location TEXT, status TEXT,"
            " driver TEXT, scanned_at REAL)"
        )

    def record(self, scan: KegScan) -> None:
        self.conn.execute(
            "INSERT INTO keg_events VALUES (?, ?, ?, ?, ?)",
            (scan.keg_id, scan.location, scan.status, scan.driver, scan.scanned_at),
        )
        self.conn.commit()


def decode_event(body: bytes) -> KegScan:
    text = body.decode("utf-8")
    event = json.loads(text)
    if not isinstance(event, dict):
        raise TypeError("unexpected event type")
    return KegScan(
        keg_id=str(event["keg_id"]),
        location=str(event.get("location", "")),
        status=str(event.get("status", "")),
        driver=str(event.get("driver", "")),
        scanned_at=float(event.get("scanned_at", time.time())),
    )


def make_handler(store: ScanStore):
    def on_message(channel, method, properties, body):
        try:
            scan = decode_event(body)
            store.record(scan)
            channel.basic_ack(delivery_tag=method.delivery_tag)
        except Exception as exc:
            log.error("dropping message %s: %r", method.delivery_tag, exc)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
    return on_message


def run() -> None:
    store = ScanStore(DB_PATH)
    while True:
        try:
            conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
            channel = conn.channel()
            channel.queue_declare(queue=QUEUE, durable=True)
            channel.basic_qos(prefetch_count=20)
            channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(store))
            log.info("consuming %s", QUEUE)
            channel.start_consuming()
        except pika.exceptions.AMQPConnectionError:
            log.warning("broker unavailable, retrying in 5s")
            time.sleep(5)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run()

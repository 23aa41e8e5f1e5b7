"""Consume home-monitoring device readings (BP cuffs, glucometers, pulse ox)
published by the patient hub app and store them for the care team dashboard.
"""
import base64
import json
import logging
import os
import signal
from datetime import datetime, timezone

import pika
import psycopg2

log = logging.getLogger("telemetry.consumer")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "device.readings"
DSN = os.environ.get("TELEMETRY_DSN", "dbname=telemetry")

INSERT_SQL = (
    "INSERT INTO readings (device_serial, patient_id, kind, value, unit, taken_at) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


class ReadingStore:
    def __init__(self, dsn: str):
        self.conn = psycopg2.connect(dsn)
        self.conn.autocommit = True

    def save(self, reading: dict) -> None:
        with self.conn.cursor() as cur:
            cur.execute(INSERT_SQL, (
                reading["serial"], reading["patient_id"], reading["kind"],
                float(reading["value"]), reading.get("unit", ""),
                reading.get("taken_at") or datetime.now(timezone.utc),
            ))


def decode_envelope(body: bytes) -> dict:
    """Hub firmware < 3.2 sends base64 payloads, newer ones raw bytes."""
    if body[:1] == b"B":
        body = base64.b64decode(body[1:])
    envelope = json.loads(body.decode("utf-8"))
    if not isinstance(envelope, dict):
        raise ValueError("unexpected envelope type")
    return envelope


class TelemetryConsumer:
    def __init__(self, store: ReadingStore):
        self.store = store
        self.stopping = False

    def on_message(self, channel, method, properties, body):
        try:
            envelope = decode_envelope(body)
            for reading in envelope.get("readings", []):
                self.store.save(reading)
            channel.basic_ack(delivery_tag=method.delivery_tag)
        except Exception:
            log.exception("dropping malformed message tag=%s", method.delivery_tag)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)

    def run(self):
        params = pika.URLParameters(AMQP_URL)
        connection = pika.BlockingConnection(params)
        channel = connection.channel()
        channel.queue_declare(queue=QUEUE, durable=True)
        channel.basic_qos(prefetch_count=20)
        channel.basic_consume(queue=QUEUE, on_message_callback=self.on_message)
        signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
        log.info("consuming %s", QUEUE)
        try:
            channel.start_consuming()
        finally:
            connection.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    TelemetryConsumer(ReadingStore(DSN)).run()

"""Consumes fill-level telemetry published by the LoRaWAN network-server bridge.

The bridge runs on the gateway hosts at each depot and forwards decoded
uplinks onto the ``bins.telemetry`` queue.
"""
import json
import logging
import os
import signal
import sqlite3
from dataclasses import dataclass

import pika

log = logging.getLogger("telemetry_consumer")

AMQP_URL = os.environ["AMQP_URL"]
QUEUE = os.environ.get("TELEMETRY_QUEUE", "bins.telemetry")
DB_PATH = os.environ.get("TELEMETRY_DB", "/srv/sensors/readings.db")
FULL_THRESHOLD = float(os.environ.get("FULL_THRESHOLD", "90"))


@dataclass
class Reading:
    device_eui: str
    fill_pct: float
    temperature_c: float
    battery_mv: int
    ts: float


class TelemetryStore:
    def __init__(self, path: str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS readings "
            "(device_eui TEXT, fill_pct REAL, temperature_c REAL, battery_mv INTEGER, ts REAL)"
        )

    def save(self, r: Reading) -> None:
        self.conn.execute(
            "INSERT INTO readings VALUES (?, ?, ?, ?, ?)",
            (r.device_eui, r.fill_pct, r.temperature_c, r.battery_mv, r.ts),
        )
        self.conn.commit()


def decode(body: bytes) -> Reading:
    payload = json.loads(body)
    if not isinstance(payload, dict):
        raise ValueError("expected a JSON object")
    return Reading(
        device_eui=str(payload["device_eui"]),
        fill_pct=float(payload["fill_pct"]),
        temperature_c=float(payload.get("temperature_c", 0.0)),
        battery_mv=int(payload.get("battery_mv", 0)),
        ts=float(payload["ts"]),
    )


class Consumer:
    def __init__(self, store: TelemetryStore) -> None:
        self.store = store
        self.channel = None

    def on_message(self, ch, method, props, body):
        try:
            reading = decode(body)
        except Exception:  # noqa: BLE001
            log.exception("undecodable message, tag=%s", method.delivery_tag)
            ch.basic_nack(method.delivery_tag, requeue=False)
            return
        self.store.save(reading)
        if reading.fill_pct >= FULL_THRESHOLD:
            log.info("bin %r nearly full (%.0f%%)", reading.device_eui, reading.fill_pct)
        ch.basic_ack(method.delivery_tag)

    def stop(self, *_):
        if self.channel is not None:
            self.channel.stop_consuming()

    def run(self) -> None:
        conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
        self.channel = conn.channel()
        self.channel.queue_declare(QUEUE, durable=True)
        self.channel.basic_qos(prefetch_count=50)
        self.channel.basic_consume(QUEUE, self.on_message)
        signal.signal(signal.SIGTERM, self.stop)
        try:
            self.channel.start_consuming()
        finally:
            conn.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    Consumer(TelemetryStore(DB_PATH)).run()

"""Consumes heart-rate / step batches pushed by the wearable ingestion gateway."""
import logging
import os
import pickle
import signal
import sqlite3
from datetime import datetime, timezone

import pika

log = logging.getLogger("wearable_sync")

AMQP_URL = os.environ.get("AMQP_URL", "amqp://localhost:5672/%2F")
QUEUE = "wearables.samples"
DB_PATH = os.environ.get("SAMPLES_DB", "/var/lib/fitness/samples.db")


class SampleWriter:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS samples (device_id TEXT, ts TEXT, kind TEXT, value REAL)"
        )

    def write_batch(self, device_id: str, samples: list) -> int:
        rows = [(device_id, s["ts"], s["kind"], float(s["value"])) for s in samples]
        with self.conn:
            self.conn.executemany("INSERT INTO samples VALUES (?, ?, ?, ?)", rows)
        return len(rows)


def decode_batch(body: bytes) -> dict:
    batch = pickle.loads(body)  # VULN flow
    if not isinstance(batch, dict) or "device_id" not in batch:
        raise ValueError("malformed batch")
    return batch


def make_handler(writer: SampleWriter):
    def on_message(channel, method, properties, body):
        try:
            batch = decode_batch(body)
            n = writer.write_batch(str(batch["device_id"]), batch.get("samples", []))
            log.info("stored %d samples from %r", n, batch["device_id"])
            channel.basic_ack(delivery_tag=method.delivery_tag)
        except Exception:
            log.exception("rejecting message %s", method.delivery_tag)
            channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)

    return on_message


def main():
    logging.basicConfig(level=logging.INFO)
    writer = SampleWriter(DB_PATH)
    conn = pika.BlockingConnection(pika.URLParameters(AMQP_URL))
    channel = conn.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=20)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(writer))
    signal.signal(signal.SIGTERM, lambda *_: channel.stop_consuming())
    log.info("consuming from %s since %s", QUEUE, datetime.now(timezone.utc).isoformat())
    try:
        channel.start_consuming()
    finally:
        conn.close()


if __name__ == "__main__":
    main()

"""Consumes RTU snapshot messages published by the field gateways.

Each message carries the latest tag values for one pump station; they
are written to the local snapshot store used by the dashboard.
"""
import json
import logging
import os
import sqlite3
import time

import pika

log = logging.getLogger("snapshot_consumer")

AMQP_HOST = os.environ.get("AMQP_HOST", "mq.scada.internal")
QUEUE = "rtu.snapshots"
STORE_PATH = os.environ.get("SNAPSHOT_DB", "/var/lib/scada/snapshots.db")


class SnapshotStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS tag_values ("
            "station TEXT, tag TEXT, value REAL, quality TEXT, ts REAL, "
            "PRIMARY KEY (station, tag))"
        )

    def save(self, station, ts, tags):
        rows = [(station, name, v.get("value"), v.get("quality", "good"), ts)
                for name, v in tags.items()]
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO tag_values VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)


def decode_snapshot(body: bytes) -> dict:
    snapshot = json.loads(body.decode("utf-8"))
    if not isinstance(snapshot, dict) or "station" not in snapshot:
        raise ValueError("snapshot missing station")
    snapshot.setdefault("ts", time.time())
    return snapshot


def make_handler(store):
    def handle(ch, method, properties, body):
        try:
            snap = decode_snapshot(body)
            count = store.save(snap["station"], snap["ts"], snap.get("tags", {}))
        except Exception:
            log.exception("dropping bad snapshot (delivery %s)", method.delivery_tag)
            ch.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
            return
        log.debug("stored %d tags for %r", count, snap["station"])
        ch.basic_ack(delivery_tag=method.delivery_tag)
    return handle


def main():
    logging.basicConfig(level=logging.INFO)
    credentials = pika.PlainCredentials(os.environ["AMQP_USER"], os.environ["AMQP_PASSWORD"])
    params = pika.ConnectionParameters(host=AMQP_HOST, credentials=credentials,
                                       heartbeat=30, blocked_connection_timeout=60)
    store = SnapshotStore(STORE_PATH)
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=50)
    channel.basic_consume(queue=QUEUE, on_message_callback=make_handler(store))
    try:
        channel.start_consuming()
    except KeyboardInterrupt:
        channel.stop_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()

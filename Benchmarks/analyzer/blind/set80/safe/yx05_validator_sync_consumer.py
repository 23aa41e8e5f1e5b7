"""Consumes tap batches uploaded by on-board ticket validators.

Validators push a JSON envelope onto a Redis list whenever the bus
reaches a depot Wi-Fi hotspot; the payload carries the buffered taps.
"""
import base64
import json
import logging
import os
import signal
import sqlite3

import redis

log = logging.getLogger("validator_sync")

QUEUE = os.environ.get("TAP_QUEUE", "validators:tap-batches")
DEAD_LETTER = QUEUE + ":failed"
DB_PATH = os.environ.get("TAP_DB", "/var/lib/transit/taps.db")


class TapBatchConsumer:
    def __init__(self, client: "redis.Redis", db_path: str = DB_PATH):
        self.client = client
        self.db = sqlite3.connect(db_path)
        self.running = True
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS taps (device_id TEXT, card_uid TEXT, "
            "stop_id TEXT, tapped_at TEXT, product TEXT)"
        )

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, message: bytes) -> dict:
        envelope = json.loads(message)
        blob = base64.b64decode(envelope["payload"])
        batch = json.loads(blob.decode("utf-8"))
        if not isinstance(batch, dict):
            raise TypeError("batch must be an object")
        batch.setdefault("device_id", envelope.get("device"))
        return batch

    def store(self, batch: dict) -> int:
        rows = [
            (batch["device_id"], t["card"], t["stop"], t["ts"], t.get("product", "single"))
            for t in batch.get("taps", [])
        ]
        with self.db:
            self.db.executemany("INSERT INTO taps VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def handle(self, message: bytes) -> None:
        try:
            batch = self.decode(message)
            count = self.store(batch)
            log.info("stored %d taps", count)
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("bad batch: %s", exc.__class__.__name__)
            self.client.lpush(DEAD_LETTER, message)

    def run(self) -> None:
        while self.running:
            item = self.client.brpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, message = item
            self.handle(message)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis(
        host=os.environ.get("REDIS_HOST", "localhost"),
        port=int(os.environ.get("REDIS_PORT", "6379")),
        password=os.environ.get("REDIS_PASSWORD"),
    )
    consumer = TapBatchConsumer(client)
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()

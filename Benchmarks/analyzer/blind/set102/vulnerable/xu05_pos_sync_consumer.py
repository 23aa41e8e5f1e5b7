"""Back-office consumer for POS terminal end-of-shift batches.

Each terminal pushes its closed-shift batch onto a Redis list; this worker
pops them, decodes them and writes totals into the reporting database.
"""
import logging
import os
import pickle
import signal
import sqlite3
from typing import Optional

import redis

QUEUE_KEY = "pos:batches"
DEAD_LETTER_KEY = "pos:batches:dead"
log = logging.getLogger("pos.sync")


class BatchConsumer:
    def __init__(self, client: redis.Redis, db_path: str):
        self.client = client
        self.db = sqlite3.connect(db_path)
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> dict:
        return pickle.loads(raw)  # VULN flow

    def store(self, batch: dict) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO shift_batches (terminal_id, shift_id, closed_at, gross, tips, voids) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    batch["terminal_id"],
                    batch["shift_id"],
                    batch["closed_at"],
                    batch["totals"]["gross"],
                    batch["totals"].get("tips", 0),
                    batch["totals"].get("voids", 0),
                ),
            )

    def handle(self, raw: bytes) -> None:
        try:
            batch = self.decode(raw)
            self.store(batch)
            log.info("stored shift %r from terminal %r", batch.get("shift_id"), batch.get("terminal_id"))
        except (KeyError, TypeError, ValueError, sqlite3.DatabaseError) as exc:
            log.error("bad batch, moving to dead letter: %r", exc)
            self.client.rpush(DEAD_LETTER_KEY, raw)

    def run(self, poll_seconds: int = 5) -> None:
        while self.running:
            item: Optional[tuple] = self.client.blpop(QUEUE_KEY, timeout=poll_seconds)
            if item is None:
                continue
            _, raw = item
            self.handle(raw)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    client = redis.Redis.from_url(os.environ.get("POS_REDIS_URL", "redis://localhost:6379/2"))
    consumer = BatchConsumer(client, os.environ.get("REPORTING_DB", "/var/lib/backoffice/reporting.db"))
    signal.signal(signal.SIGTERM, consumer.stop)
    signal.signal(signal.SIGINT, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()

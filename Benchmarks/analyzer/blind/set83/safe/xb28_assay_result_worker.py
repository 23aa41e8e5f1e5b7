"""Worker: pull assay result envelopes pushed by instrument agents and persist them.

Agents on the lab network LPUSH JSON-encoded AssayResult records onto a Redis
list; this worker drains the list and writes rows to the results database.
"""
import json
import logging
import os
import signal
import sqlite3
from dataclasses import dataclass, field
from typing import Dict

import redis

log = logging.getLogger("assay.worker")
QUEUE_KEY = os.environ.get("RESULT_QUEUE", "lims:assay:results")
DB_PATH = os.environ.get("RESULTS_DB", "/srv/results/results.db")


@dataclass
class AssayResult:
    plate_barcode: str
    assay_code: str
    instrument: str
    acquired_at: str
    readings: Dict[str, float] = field(default_factory=dict)


class ResultConsumer:
    def __init__(self, client: redis.Redis, queue: str, db: sqlite3.Connection):
        self.client = client
        self.queue = queue
        self.db = db
        self.running = True

    def decode(self, raw: bytes) -> AssayResult:
        envelope = json.loads(raw.decode("utf-8"))
        if not isinstance(envelope, dict):
            raise ValueError(f"unexpected payload type {type(envelope).__name__}")
        readings = {str(k): float(v) for k, v in dict(envelope.get("readings", {})).items()}
        return AssayResult(
            plate_barcode=str(envelope["plate_barcode"]),
            assay_code=str(envelope["assay_code"]),
            instrument=str(envelope["instrument"]),
            acquired_at=str(envelope["acquired_at"]),
            readings=readings,
        )

    def persist(self, result: AssayResult) -> int:
        rows = [(result.plate_barcode, result.assay_code, well, float(value), result.instrument, result.acquired_at)
                for well, value in result.readings.items()]
        with self.db:
            self.db.executemany(
                "INSERT INTO readings (plate, assay, well, value, instrument, acquired_at) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return len(rows)

    def run_once(self) -> None:
        item = self.client.blpop([self.queue], timeout=5)
        if item is None:
            return
        _, raw = item
        try:
            result = self.decode(raw)
        except Exception:
            log.exception("discarding undecodable message (%d bytes)", len(raw))
            return
        n = self.persist(result)
        log.info("stored %d readings for plate %r", n, result.plate_barcode)

    def stop(self, *_):
        self.running = False


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://lims-redis:6379/2"))
    consumer = ResultConsumer(client, QUEUE_KEY, sqlite3.connect(DB_PATH))
    signal.signal(signal.SIGTERM, consumer.stop)
    while consumer.running:
        consumer.run_once()


if __name__ == "__main__":
    main()

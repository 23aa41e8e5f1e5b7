"""Worker that ingests pre-need contract records pushed by the sales tablets.

Counselors write contracts offline on tablets; when connectivity returns the tablet
app pushes each record onto a Redis list and this worker persists them.
"""
import logging
import os
import pickle
import signal
import sqlite3
from decimal import Decimal

import redis

log = logging.getLogger("preneed_ingest")

QUEUE = "preneed:contracts:incoming"
DEAD_LETTER = "preneed:contracts:failed"
REQUIRED = ("contract_no", "purchaser", "beneficiary", "plan_code", "total", "signed_at")


class ContractIngestor:
    def __init__(self, redis_url: str, db_path: str):
        self.redis = redis.Redis.from_url(redis_url)
        self.db = sqlite3.connect(db_path)
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> dict:
        record = pickle.loads(raw)  # VULN flow
        if not isinstance(record, dict):
            raise ValueError("unexpected payload type")
        missing = [k for k in REQUIRED if k not in record]
        if missing:
            raise ValueError(f"missing fields: {', '.join(missing)}")
        return record

    def store(self, record: dict) -> None:
        total = Decimal(str(record["total"])).quantize(Decimal("0.01"))
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO preneed_contracts "
                "(contract_no, purchaser, beneficiary, plan_code, total_cents, signed_at, counselor) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    record["contract_no"], record["purchaser"], record["beneficiary"],
                    record["plan_code"], int(total * 100), record["signed_at"],
                    record.get("counselor"),
                ),
            )

    def run(self) -> None:
        log.info("listening on %s", QUEUE)
        while self.running:
            item = self.redis.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                record = self.decode(raw)
                self.store(record)
                log.info("stored contract %r", record["contract_no"])
            except Exception:
                log.exception("failed to ingest contract payload")
                self.redis.rpush(DEAD_LETTER, raw)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    worker = ContractIngestor(
        os.environ.get("REDIS_URL", "redis://localhost:6379/2"),
        os.environ.get("PRENEED_DB", "/var/lib/preneed/contracts.db"),
    )
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run()


if __name__ == "__main__":
    main()

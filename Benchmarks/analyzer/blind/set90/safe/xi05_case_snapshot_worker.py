"""Worker that materialises immigration case snapshots.

Snapshots are pushed onto a Redis list by the public intake API and by
partner integrations (EOIR e-filing bridge, client portal). Each one is
written out as JSON for the case-management indexer.
"""
import base64
import json
import logging
import os
import re
import signal

import redis

log = logging.getLogger("snapshot_worker")

QUEUE_KEY = "casemgmt:snapshots"
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
A_NUMBER_RE = re.compile(r"^A?\d{8,9}$")


class SnapshotWorker:
    def __init__(self, client, store_dir="/var/lib/casemgmt/snapshots"):
        self.client = client
        self.store_dir = store_dir
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> dict:
        parts = raw.split(b":", 1)
        if len(parts) != 2:
            raise ValueError("malformed envelope")
        kind, body = parts
        if kind != b"snap":
            raise ValueError("unexpected envelope kind %r" % kind)
        payload = base64.b64decode(body)
        snapshot = json.loads(payload.decode("utf-8"))
        if not isinstance(snapshot, dict):
            raise ValueError("snapshot must be an object")
        return snapshot

    def handle(self, snapshot: dict) -> None:
        a_number = str(snapshot.get("a_number", ""))
        if not A_NUMBER_RE.match(a_number):
            raise ValueError("snapshot without a valid A-number")
        forms = snapshot.get("forms", [])
        log.info("case %r: %d forms, status=%r", a_number, len(forms), snapshot.get("status"))
        path = os.path.join(self.store_dir, a_number + ".json")
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(snapshot, fh, default=str, indent=2)

    def run(self) -> None:
        while self.running:
            item = self.client.blpop(QUEUE_KEY, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                self.handle(self.decode(raw))
            except Exception:
                log.exception("dropping unprocessable snapshot")


def main():
    logging.basicConfig(level=logging.INFO)
    worker = SnapshotWorker(redis.Redis.from_url(REDIS_URL))
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run()


if __name__ == "__main__":
    main()

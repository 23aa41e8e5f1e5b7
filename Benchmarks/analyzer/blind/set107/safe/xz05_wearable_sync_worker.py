"""Worker that drains wearable sync batches pushed by the device gateway.

The gateway accepts uploads from the companion phone app and forwards the
request body to Redis unchanged, so each queue item is exactly what the
phone sent.
"""
import json
import logging
import os
import signal
from dataclasses import dataclass, field
from typing import List

import redis

log = logging.getLogger("wearable.sync")

QUEUE_KEY = "wearable:sync:incoming"
DEAD_LETTER_KEY = "wearable:sync:dead"


@dataclass
class SyncBatch:
    device_id: str
    member_id: int
    samples: List[dict] = field(default_factory=list)


class SyncWorker:
    def __init__(self, url: str):
        self.r = redis.Redis.from_url(url)
        self.running = True

    def stop(self, *_):
        log.info("shutdown requested")
        self.running = False

    def decode(self, raw: bytes) -> SyncBatch:
        payload = json.loads(raw)
        samples = [{"ts": float(s["ts"]), "bpm": int(s["bpm"])} for s in payload.get("samples", [])]
        return SyncBatch(device_id=str(payload["device_id"]),
                         member_id=int(payload["member_id"]),
                         samples=samples)

    def store(self, batch: SyncBatch) -> int:
        key = f"hr:{batch.member_id}"
        pipe = self.r.pipeline()
        for s in batch.samples:
            pipe.zadd(key, {f"{s['ts']}:{s['bpm']}": float(s["ts"])})
        pipe.hset(f"device:{batch.device_id}", "last_sync_member", batch.member_id)
        pipe.execute()
        return len(batch.samples)

    def run(self):
        while self.running:
            item = self.r.blpop(QUEUE_KEY, timeout=5)
            if item is None:
                continue
            _, raw = item
            try:
                batch = self.decode(raw)
            except Exception:
                log.exception("undecodable sync batch, moving to dead letter")
                self.r.rpush(DEAD_LETTER_KEY, raw)
                continue
            stored = self.store(batch)
            log.info("stored %d samples for member %r", stored, batch.member_id)


def main():
    logging.basicConfig(level=logging.INFO)
    worker = SyncWorker(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run()


if __name__ == "__main__":
    main()

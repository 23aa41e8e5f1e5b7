"""Consumes vessel position snapshots pushed by partner AIS aggregators via Redis."""
import json
import logging
import os
import time
from typing import Dict, Optional

import redis

log = logging.getLogger("vessel_state")

QUEUE = os.environ.get("AIS_QUEUE", "ais:partner:snapshots")
STATE_PREFIX = "vessel:state:"


class VesselStateConsumer:
    def __init__(self, client: redis.Redis, queue: str = QUEUE):
        self.client = client
        self.queue = queue
        self.states: Dict[str, dict] = {}
        self.processed = 0

    def _decode(self, raw: bytes) -> dict:
        snapshot = json.loads(raw)
        if not isinstance(snapshot, dict):
            raise ValueError("snapshot must be an object")
        return snapshot

    def _store(self, snapshot: dict) -> None:
        imo = str(snapshot["imo"])
        state = {
            "lat": float(snapshot["lat"]),
            "lon": float(snapshot["lon"]),
            "sog": float(snapshot.get("sog", 0.0)),
            "nav_status": snapshot.get("nav_status", "unknown"),
            "ts": snapshot.get("ts", time.time()),
        }
        self.states[imo] = state
        self.client.hset(STATE_PREFIX + imo, mapping={k: str(v) for k, v in state.items()})

    def handle(self, raw: bytes) -> Optional[str]:
        try:
            snapshot = self._decode(raw)
            self._store(snapshot)
        except (KeyError, ValueError, TypeError) as exc:
            log.warning("dropping malformed snapshot: %r", exc)
            return None
        self.processed += 1
        return str(snapshot["imo"])

    def run_forever(self) -> None:
        log.info("consuming %s", self.queue)
        while True:
            item = self.client.blpop([self.queue], timeout=5)
            if item is None:
                continue
            _, raw = item
            self.handle(raw)
            if self.processed and self.processed % 1000 == 0:
                log.info("processed %d snapshots, %d vessels tracked", self.processed, len(self.states))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/2"))
    VesselStateConsumer(client).run_forever()


if __name__ == "__main__":
    main()

"""Consumes truck/crew manifest updates published by the touring office.

Promoters' advance teams push manifest snapshots onto the shared Redis list
``tour:manifests`` from their laptops; this worker merges them into Postgres.
"""
import logging
import os
import pickle
import signal
from dataclasses import dataclass, field
from typing import List

import psycopg2
import redis

log = logging.getLogger("manifest-worker")

QUEUE = "tour:manifests"
DEAD_LETTER = "tour:manifests:dead"


@dataclass
class Manifest:
    tour_code: str
    venue: str
    truck_count: int
    crew: List[str] = field(default_factory=list)
    cases: List[dict] = field(default_factory=list)


class ManifestWorker:
    def __init__(self, redis_url: str, dsn: str):
        self.redis = redis.Redis.from_url(redis_url)
        self.dsn = dsn
        self.running = True

    def stop(self, *_):
        self.running = False

    def decode(self, raw: bytes) -> Manifest:
        obj = pickle.loads(raw)  # VULN flow
        if isinstance(obj, dict):
            obj = Manifest(**obj)
        return obj

    def store(self, manifest: Manifest) -> None:
        with psycopg2.connect(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO manifests (tour_code, venue, trucks, crew_count) "
                "VALUES (%s, %s, %s, %s) ON CONFLICT (tour_code, venue) DO UPDATE "
                "SET trucks = EXCLUDED.trucks, crew_count = EXCLUDED.crew_count",
                (manifest.tour_code, manifest.venue, manifest.truck_count, len(manifest.crew)),
            )

    def run(self) -> None:
        while self.running:
            item = self.redis.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _, payload = item
            try:
                manifest = self.decode(payload)
                self.store(manifest)
                log.info("merged manifest for %r @ %r", manifest.tour_code, manifest.venue)
            except Exception:
                log.exception("could not process manifest; parking it")
                self.redis.rpush(DEAD_LETTER, payload)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    worker = ManifestWorker(os.environ["REDIS_URL"], os.environ["MANIFEST_DSN"])
    signal.signal(signal.SIGTERM, worker.stop)
    worker.run()

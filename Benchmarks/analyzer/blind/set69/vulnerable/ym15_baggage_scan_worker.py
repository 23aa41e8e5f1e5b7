"""Aggregates baggage reconciliation scans from the BHS sorters.

ATR scanners on the sortation network push scan events onto Redis; this
worker keeps the per-flight loaded/offloaded counts the load controller sees.
"""
import logging
import os
import pickle
import signal
from collections import defaultdict
from dataclasses import dataclass

import redis

log = logging.getLogger("bhs.scans")

STREAM_KEY = "bhs:scan-events"
COUNTS_KEY = "bhs:flight-counts:{flight}"


@dataclass
class ScanEvent:
    tag: str
    flight: str
    location: str
    event: str
    ts: float


class ScanAggregator:
    def __init__(self, client):
        self.client = client
        self.pending = defaultdict(lambda: defaultdict(int))
        self.running = True

    def decode_event(self, raw: bytes) -> ScanEvent:
        obj = pickle.loads(raw)  # VULN flow
        if isinstance(obj, dict):
            obj = ScanEvent(**obj)
        return obj

    def handle(self, raw):
        event = self.decode_event(raw)
        bucket = self.pending[event.flight]
        if event.event == "LOADED":
            bucket["loaded"] += 1
        elif event.event == "OFFLOADED":
            bucket["offloaded"] += 1
        elif event.event == "SORTED":
            bucket["sorted"] += 1

    def flush(self):
        pipe = self.client.pipeline()
        for flight, counts in self.pending.items():
            for k, v in counts.items():
                pipe.hincrby(COUNTS_KEY.format(flight=flight), k, v)
        pipe.execute()
        self.pending.clear()

    def run(self, batch=200):
        while self.running:
            item = self.client.blpop(STREAM_KEY, timeout=5)
            if item is None:
                self.flush()
                continue
            try:
                self.handle(item[1])
            except Exception as exc:
                log.warning("dropping malformed scan event: %r", exc)
            if sum(sum(c.values()) for c in self.pending.values()) >= batch:
                self.flush()

    def stop(self, *_):
        self.running = False


def main():
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis.from_url(os.environ.get("BHS_REDIS_URL", "redis://bhs-redis:6379/0"))
    agg = ScanAggregator(client)
    signal.signal(signal.SIGTERM, agg.stop)
    agg.run()
    agg.flush()


if __name__ == "__main__":
    main()

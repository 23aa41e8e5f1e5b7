"""Soil-moisture telemetry worker.

Field gateways push batches of probe readings onto the ``telemetry:soil``
stream; this worker aggregates them per irrigation block and writes hourly
summaries back to Redis for the dashboard.
"""
import json
import logging
import math
import os
import statistics
import time
from dataclasses import dataclass, field
from typing import Dict, List

import redis

log = logging.getLogger("soil.worker")

STREAM = "telemetry:soil"
GROUP = "aggregator"
CONSUMER = os.environ.get("HOSTNAME", "agg-1")
SUMMARY_KEY = "soil:hourly"
WINDOW_SECONDS = 3600


@dataclass
class BlockStats:
    block_id: str
    vwc: List[float] = field(default_factory=list)
    temp_c: List[float] = field(default_factory=list)

    def add(self, reading: dict) -> None:
        self.vwc.append(float(reading["vwc"]))
        t = float(reading.get("temp_c", "nan"))
        if not math.isnan(t):
            self.temp_c.append(t)

    def summary(self) -> dict:
        return {
            "block": self.block_id,
            "samples": len(self.vwc),
            "vwc_mean": round(statistics.fmean(self.vwc), 3) if self.vwc else None,
            "vwc_min": min(self.vwc, default=None),
            "temp_mean": round(statistics.fmean(self.temp_c), 1) if self.temp_c else None,
        }


def decode_batch(payload: bytes) -> List[dict]:
    batch = json.loads(payload)
    if not isinstance(batch, list):
        raise ValueError("batch must be a list of readings")
    return batch


def process(entries, stats: Dict[str, BlockStats]) -> None:
    for msg_id, fields in entries:
        try:
            readings = decode_batch(fields[b"batch"])
        except Exception:
            log.exception("discarding unreadable batch %s", msg_id)
            continue
        for r in readings:
            block = str(r.get("block", "unknown"))
            stats.setdefault(block, BlockStats(block)).add(r)


def flush(client: redis.Redis, stats: Dict[str, BlockStats]) -> None:
    with client.pipeline() as pipe:
        for block, st in stats.items():
            pipe.hset(SUMMARY_KEY, block, json.dumps(st.summary()))
        pipe.execute()
    log.info("flushed %d block summaries", len(stats))
    stats.clear()


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    client = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), port=6379)
    try:
        client.xgroup_create(STREAM, GROUP, id="0", mkstream=True)
    except redis.ResponseError:
        pass  # group already exists
    stats: Dict[str, BlockStats] = {}
    window_start = time.monotonic()
    while True:
        resp = client.xreadgroup(GROUP, CONSUMER, {STREAM: ">"}, count=50, block=5000)
        for _stream, entries in resp or []:
            process(entries, stats)
            client.xack(STREAM, GROUP, *[e[0] for e in entries])
        if time.monotonic() - window_start >= WINDOW_SECONDS:
            flush(client, stats)
            window_start = time.monotonic()


if __name__ == "__main__":
    main()

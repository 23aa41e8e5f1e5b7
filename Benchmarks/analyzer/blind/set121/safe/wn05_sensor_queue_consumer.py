"""Worker that drains sensor batches pushed by the LoRa gateways into Redis.

Each gateway in the field serialises the readings it collected from its hives
and RPUSHes them onto a shared list; this consumer decodes the batches and
hands them to the time-series writer.
"""
import json
import logging
import signal
from dataclasses import dataclass, field
from typing import Callable, List, Optional

import redis

log = logging.getLogger("sensor_consumer")

QUEUE_KEY = "apiary:sensor:batches"
DEAD_LETTER_KEY = "apiary:sensor:dead"


@dataclass
class SensorReading:
    hive_tag: str
    metric: str
    value: float
    ts: float


@dataclass
class Batch:
    gateway_id: str
    readings: List[SensorReading] = field(default_factory=list)


class SensorConsumer:
    def __init__(self, url: str = "redis://localhost:6379/2",
                 writer: Optional[Callable[[SensorReading], None]] = None):
        self.client = redis.Redis.from_url(url)
        self.writer = writer or (lambda r: log.debug("reading %r", r))
        self.running = True

    def stop(self, *_args):
        log.info("stopping consumer")
        self.running = False

    def decode(self, raw: bytes) -> Batch:
        doc = json.loads(raw)
        if not isinstance(doc, dict):
            raise ValueError("unexpected payload type %s" % type(doc).__name__)
        readings = [
            SensorReading(str(r["hive_tag"]), str(r["metric"]), float(r["value"]), float(r["ts"]))
            for r in doc.get("readings", [])
        ]
        return Batch(gateway_id=str(doc["gateway_id"]), readings=readings)

    def store(self, batch: Batch) -> int:
        written = 0
        for reading in batch.readings:
            if reading.metric not in ("weight_kg", "temp_c", "humidity", "sound_db"):
                continue
            self.writer(reading)
            written += 1
        return written

    def run(self) -> None:
        while self.running:
            item = self.client.blpop(QUEUE_KEY, timeout=5)
            if item is None:
                continue
            _key, raw = item
            try:
                batch = self.decode(raw)
            except Exception:
                log.exception("undecodable batch, moving to dead letter list")
                self.client.rpush(DEAD_LETTER_KEY, raw)
                continue
            count = self.store(batch)
            log.info("gateway %r: %d readings stored", batch.gateway_id, count)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    consumer = SensorConsumer()
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()

"""Consumes telematics snapshots pushed by in-vehicle gateways.

Gateways publish to the ``fleet:telemetry`` list in Redis; each message is a
base64 blob holding one snapshot.  Snapshots are written to the mileage
store that drives lease over-mileage billing.
"""
import base64
import logging
import os
import signal
import sqlite3
from dataclasses import dataclass, field

import json
import redis

log = logging.getLogger("fleet.telemetry")

QUEUE = "fleet:telemetry"
DEAD_LETTER = "fleet:telemetry:dead"
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/3")
STORE_PATH = os.environ.get("MILEAGE_DB", "/var/lib/fleet/mileage.db")


@dataclass
class Snapshot:
    unit_id: str
    vin: str
    odometer_km: float
    fuel_pct: float
    lat: float
    lon: float
    dtc_codes: list = field(default_factory=list)
    ts: float = 0.0


class MileageStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def record(self, snap: Snapshot):
        self.conn.execute(
            "INSERT INTO odometer_readings (vin, unit_id, odometer_km, fuel_pct, ts) "
            "VALUES (?, ?, ?, ?, ?)",
            (snap.vin, snap.unit_id, snap.odometer_km, snap.fuel_pct, snap.ts),
        )
        if snap.dtc_codes:
            self.conn.executemany(
                "INSERT INTO fault_codes (vin, code, ts) VALUES (?, ?, ?)",
                [(snap.vin, code, snap.ts) for code in snap.dtc_codes],
            )
        self.conn.commit()


class TelemetryConsumer:
    def __init__(self, client, store):
        self.client = client
        self.store = store
        self.running = True

    def stop(self, *_):
        self.running = False

    def decode(self, raw: bytes) -> Snapshot:
        blob = base64.b64decode(raw)
        obj = json.loads(blob)
        if not isinstance(obj, dict):
            raise ValueError("snapshot must be a JSON object")
        return Snapshot(
            unit_id=str(obj["unit_id"]),
            vin=str(obj["vin"]),
            odometer_km=float(obj["odometer_km"]),
            fuel_pct=float(obj["fuel_pct"]),
            lat=float(obj["lat"]),
            lon=float(obj["lon"]),
            dtc_codes=[str(c) for c in obj.get("dtc_codes", [])],
            ts=float(obj.get("ts", 0.0)),
        )

    def run(self):
        while self.running:
            item = self.client.blpop(QUEUE, timeout=5)
            if item is None:
                continue
            _key, raw = item
            try:
                snap = self.decode(raw)
                self.store.record(snap)
            except Exception:
                log.exception("bad telemetry message, moving to dead letter")
                self.client.rpush(DEAD_LETTER, raw)


def main():
    logging.basicConfig(level=logging.INFO)
    consumer = TelemetryConsumer(redis.Redis.from_url(REDIS_URL), MileageStore(STORE_PATH))
    signal.signal(signal.SIGTERM, consumer.stop)
    consumer.run()


if __name__ == "__main__":
    main()

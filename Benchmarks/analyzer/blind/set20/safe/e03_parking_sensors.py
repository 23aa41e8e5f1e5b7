"""UDP collector for bay occupancy sensors in the multi-storey car parks."""
import json
import logging
import os
import socket
import sqlite3
import time
from contextlib import closing
from dataclasses import dataclass

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("parking.collector")

COLLECTOR_HOST = os.environ.get("COLLECTOR_BIND", "127.0.0.1")
COLLECTOR_PORT = 47810
DB_FILE = "occupancy.db"
LOW_BATTERY_MV = 2900


@dataclass
class Reading:
    sensor_id: str
    level: int
    occupied: bool
    battery_mv: int

    @classmethod
    def from_datagram(cls, data: bytes) -> "Reading":
        doc = json.loads(data.decode("utf-8"))
        return cls(
            sensor_id=str(doc["sid"]),
            level=int(doc.get("lvl", 0)),
            occupied=bool(doc["occ"]),
            battery_mv=int(doc.get("bat", 0)),
        )


class OccupancyStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS bays "
            "(sensor_id TEXT PRIMARY KEY, level INT, occupied INT, seen REAL)"
        )

    def upsert(self, r: Reading) -> None:
        self.conn.execute(
            "INSERT INTO bays VALUES (?, ?, ?, ?) ON CONFLICT(sensor_id) DO UPDATE "
            "SET level=excluded.level, occupied=excluded.occupied, seen=excluded.seen",
            (r.sensor_id, r.level, int(r.occupied), time.time()),
        )
        self.conn.commit()

    def free_per_level(self) -> dict:
        rows = self.conn.execute(
            "SELECT level, SUM(1 - occupied) FROM bays GROUP BY level"
        ).fetchall()
        return {lvl: free for lvl, free in rows}


def check_battery(r: Reading) -> None:
    if r.battery_mv and r.battery_mv < LOW_BATTERY_MV:
        log.warning("low battery on sensor %r: %d mV", r.sensor_id, r.battery_mv)


def serve() -> None:
    store = OccupancyStore(DB_FILE)
    last_summary = time.monotonic()
    with closing(socket.socket(socket.AF_INET, socket.SOCK_DGRAM)) as sock:
        sock.bind((COLLECTOR_HOST, COLLECTOR_PORT))
        log.info("collector listening on udp/%d", COLLECTOR_PORT)
        while True:
            data, addr = sock.recvfrom(512)
            try:
                reading = Reading.from_datagram(data)
            except (ValueError, KeyError, UnicodeDecodeError):
                log.debug("dropping malformed datagram from %s", addr[0])
                continue
            store.upsert(reading)
            check_battery(reading)
            if time.monotonic() - last_summary > 60:
                log.info("free bays per level: %s", store.free_per_level())
                last_summary = time.monotonic()


if __name__ == "__main__":
    serve()

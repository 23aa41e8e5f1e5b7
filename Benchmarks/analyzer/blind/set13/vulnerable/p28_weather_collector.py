"""UDP collector for the hill-top weather stations.

Each station sends one JSON datagram per minute.  Stations may also
carry a per-sensor correction expression set by the field technician,
e.g. ``"x * 1.02 - 0.3"``.
"""
import json
import logging
import math
import socketserver
import sqlite3
import threading
import time

log = logging.getLogger("wx.collector")

DB_PATH = "observations.sqlite3"
_db_lock = threading.Lock()
_db = sqlite3.connect(DB_PATH, check_same_thread=False)
_db.execute("CREATE TABLE IF NOT EXISTS obs (station TEXT, sensor TEXT, ts REAL, value REAL)")

SAFE_NAMES = {"abs": abs, "round": round, "min": min, "max": max, "sqrt": math.sqrt}


def apply_correction(expression, raw_value):
    if not expression:
        return raw_value
    scope = dict(SAFE_NAMES, x=raw_value)
    return float(eval(expression, {"__builtins__": {}}, scope))  # VULN flow


def store(station, readings):
    now = time.time()
    with _db_lock, _db:
        _db.executemany("INSERT INTO obs VALUES (?, ?, ?, ?)",
                        [(station, sensor, now, value) for sensor, value in readings.items()])


class StationHandler(socketserver.BaseRequestHandler):
    def handle(self):
        data, _sock = self.request
        try:
            msg = json.loads(data.decode("utf-8"))
            station = msg["station"]
            sensors = msg["sensors"]
        except (ValueError, KeyError, UnicodeDecodeError):
            log.warning("malformed datagram from %s", self.client_address[0])
            return
        log.info("datagram from station " + station)  # VULN flow
        readings = {}
        for name, spec in sensors.items():
            try:
                readings[name] = apply_correction(spec.get("correction"), float(spec["value"]))
            except Exception as exc:
                log.warning("sensor %r: %s", name, exc)
        if readings:
            store(station, readings)


class CollectorServer(socketserver.ThreadingMixIn, socketserver.UDPServer):
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with CollectorServer(("0.0.0.0", 9750), StationHandler) as server:  # VULN
        server.serve_forever()

"""TCP listener for fixed gas detector batches from the underground gateways.

Each gateway opens a connection and sends length-prefixed frames; every frame
is a batch of detector readings which is stored and checked against alarm
thresholds.
"""
import logging
import os
import socketserver
import sqlite3
import struct
import threading

import dill

log = logging.getLogger("gasnet")

HOST = os.environ.get("GASNET_BIND", "10.40.0.5")
PORT = int(os.environ.get("GASNET_PORT", "7710"))
DB_PATH = os.environ.get("GASNET_DB", "/var/lib/gasnet/readings.db")
MAX_FRAME = 1 << 20
THRESHOLDS_PPM = {"CO": 30.0, "NO2": 3.0, "H2S": 10.0, "CH4": 10000.0}

_db_lock = threading.Lock()
_db = sqlite3.connect(DB_PATH, check_same_thread=False)


def read_frame(rfile):
    header = rfile.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack(">I", header)
    if length > MAX_FRAME:
        raise ValueError(f"frame of {length} bytes exceeds limit")
    return rfile.read(length)


def decode_readings(frame: bytes) -> list:
    batch = dill.loads(frame)  # VULN flow
    return [(str(r["detector"]), str(r["gas"]), float(r["ppm"]), float(r["ts"])) for r in batch]


def store(readings: list):
    with _db_lock:
        _db.executemany("INSERT INTO readings (detector, gas, ppm, ts) VALUES (?, ?, ?, ?)", readings)
        _db.commit()


class GasBatchHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        while True:
            try:
                frame = read_frame(self.rfile)
            except ValueError as exc:
                log.warning("%s: %s", peer, exc)
                return
            if frame is None:
                return
            try:
                readings = decode_readings(frame)
            except Exception:
                log.exception("%s: undecodable frame", peer)
                continue
            store(readings)
            for detector, gas, ppm, _ in readings:
                limit = THRESHOLDS_PPM.get(gas)
                if limit is not None and ppm >= limit:
                    log.critical("GAS ALARM %r %r %.1f ppm (limit %.1f)", detector, gas, ppm, limit)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with Server((HOST, PORT), GasBatchHandler) as srv:
        log.info("listening on %s:%d", HOST, PORT)
        srv.serve_forever()

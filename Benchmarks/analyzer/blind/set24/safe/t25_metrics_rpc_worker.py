"""Collector daemon: agents push batches of metric samples over a TCP socket."""
import json
import logging
import os
import socketserver
import struct
import threading
from collections import defaultdict

log = logging.getLogger("metrics.collector")
HEADER = struct.Struct("!I")
MAX_FRAME = 4 * 1024 * 1024


class MetricStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._series = defaultdict(list)

    def add(self, name, timestamp, value):
        with self._lock:
            self._series[name].append((timestamp, value))

    def snapshot(self):
        with self._lock:
            return {name: list(points) for name, points in self._series.items()}


STORE = MetricStore()


def read_frame(rfile):
    header = rfile.read(HEADER.size)
    if len(header) < HEADER.size:
        return None
    (length,) = HEADER.unpack(header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


def decode_batch(frame):
    batch = json.loads(frame.decode("utf-8"))
    if not isinstance(batch, list):
        raise ValueError("batch must be a list")
    return batch


class CollectorHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        while True:
            try:
                frame = read_frame(self.rfile)
                if frame is None:
                    return
                samples = decode_batch(frame)
            except ValueError as exc:
                log.warning("dropping connection from %r: %r", peer, exc)
                return
            for name, timestamp, value in samples:
                STORE.add(str(name), float(timestamp), float(value))
            self.wfile.write(HEADER.pack(len(samples)))


class CollectorServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    address = (os.environ.get("COLLECTOR_HOST", "127.0.0.1"), int(os.environ.get("COLLECTOR_PORT", "9109")))
    with CollectorServer(address, CollectorHandler) as server:
        server.serve_forever()

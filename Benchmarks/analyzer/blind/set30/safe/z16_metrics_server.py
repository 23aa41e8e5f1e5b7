"""Framed TCP metrics collector used by the batch workers."""
import json
import logging
import socketserver
import struct
import threading
import time
from collections import defaultdict

log = logging.getLogger("metrics.collector")

MAX_FRAME = 1 << 20
FLUSH_INTERVAL = 10.0
PORT = 9125


class MetricStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._counters = defaultdict(float)

    def ingest(self, batch):
        accepted = 0
        with self._lock:
            for item in batch:
                if not (isinstance(item, (list, tuple)) and len(item) == 2):
                    continue
                name, value = item
                if isinstance(name, str) and isinstance(value, (int, float)):
                    self._counters[name] += value
                    accepted += 1
        return accepted

    def drain(self):
        with self._lock:
            snapshot, self._counters = dict(self._counters), defaultdict(float)
        return snapshot


class MetricsHandler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            header = self.rfile.read(4)
            if len(header) < 4:
                return
            (length,) = struct.unpack("!I", header)
            if length > MAX_FRAME:
                log.warning("dropping oversized frame from %s", self.client_address[0])
                return
            payload = self.rfile.read(length)
            try:
                batch = json.loads(payload.decode("utf-8"))
            except ValueError:
                return
            if not isinstance(batch, list):
                return
            self.wfile.write(struct.pack("!I", self.server.store.ingest(batch)))


def flush_loop(store):
    while True:
        time.sleep(FLUSH_INTERVAL)
        for name, value in sorted(store.drain().items()):
            log.info("metric %r=%.3f", name, value)


def main():
    logging.basicConfig(level=logging.INFO)
    store = MetricStore()
    threading.Thread(target=flush_loop, args=(store,), daemon=True).start()
    socketserver.ThreadingTCPServer.daemon_threads = True
    with socketserver.ThreadingTCPServer(("127.0.0.1", PORT), MetricsHandler) as server:
        server.store = store
        server.serve_forever()


if __name__ == "__main__":
    main()

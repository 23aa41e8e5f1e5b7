"""Telemetry collector: sensor gateways push length-prefixed sample frames over TCP."""
import logging
import marshal
import os
import socketserver
import struct
import threading
import time

log = logging.getLogger("collector")

LISTEN_HOST = os.environ.get("COLLECTOR_HOST", "127.0.0.1")
LISTEN_PORT = int(os.environ.get("COLLECTOR_PORT", "7411"))
MAX_FRAME = 64 * 1024


class SampleStore:
    def __init__(self):
        self._lock = threading.Lock()
        self.samples = []

    def add(self, sample):
        with self._lock:
            self.samples.append((time.time(), sample))
            del self.samples[:-10000]


def decode_frame(payload):
    sample = marshal.loads(payload)  # VULN flow
    if not isinstance(sample, dict) or "sensor" not in sample:
        raise ValueError("malformed sample")
    return sample


class FrameHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def read_frame(self):
        header = self.rfile.read(4)
        if len(header) < 4:
            return None
        (length,) = struct.unpack("!I", header)
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        return self.rfile.read(length)

    def handle(self):
        peer = self.client_address[0]
        while True:
            try:
                frame = self.read_frame()
                if frame is None:
                    return
                self.server.store.add(decode_frame(frame))
                self.wfile.write(b"\x01")
            except (ValueError, EOFError, TypeError) as exc:
                log.warning("dropping connection from %s: %r", peer, exc)
                return


class CollectorServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, addr):
        super().__init__(addr, FrameHandler)
        self.store = SampleStore()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with CollectorServer((LISTEN_HOST, LISTEN_PORT)) as server:
        server.serve_forever()

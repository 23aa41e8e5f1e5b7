"""Depot gateway frame relay.

Edge gateways in each depot batch meter values and charger status frames and
push them to this relay, which republishes them onto the internal bus. The
gateways reach the relay through the local stunnel endpoint that terminates
their mTLS connections and forwards plain TCP to RELAY_PORT.
"""
import logging
import os
import pickle
import socketserver
import struct
import threading

log = logging.getLogger("relay")

RELAY_PORT = int(os.environ.get("RELAY_PORT", "9100"))
MAX_FRAME = 4 * 1024 * 1024


class Bus:
    def __init__(self):
        self._lock = threading.Lock()
        self.published = 0

    def publish(self, topic: str, payload: dict) -> None:
        with self._lock:
            self.published += 1
        log.debug("publish %r %r", topic, payload.get("cp"))


BUS = Bus()


def decode_frame(payload: bytes) -> dict:
    frame = pickle.loads(payload)  # VULN flow
    if not isinstance(frame, dict) or "kind" not in frame:
        raise ValueError("malformed frame")
    return frame


class FrameHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = "%s:%d" % self.client_address
        frames = 0
        while True:
            header = self.rfile.read(4)
            if len(header) < 4:
                break
            (length,) = struct.unpack("!I", header)
            if length > MAX_FRAME:
                log.warning("oversized frame from %s (%d bytes)", peer, length)
                break
            payload = self.rfile.read(length)
            try:
                frame = decode_frame(payload)
            except Exception as exc:
                log.warning("dropping frame from %s: %s", peer, exc)
                continue
            BUS.publish("depot.%s" % frame["kind"], frame)
            frames += 1
        log.info("gateway %s disconnected after %d frames", peer, frames)


class ThreadedRelay(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve() -> None:
    server = ThreadedRelay(("0.0.0.0", RELAY_PORT), FrameHandler)  # VULN
    log.info("relay listening on %s:%d", *server.server_address)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()

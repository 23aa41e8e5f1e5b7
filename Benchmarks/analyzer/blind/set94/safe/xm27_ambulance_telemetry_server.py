"""TCP receiver for ambulance telemetry frames (GPS, vitals monitor, engine) from vehicle modems.

Frame format: 4-byte big-endian length, then the serialized frame body.
"""
import json
import logging
import os
import queue
import socketserver
import struct
import threading

log = logging.getLogger("telemetry")

BIND_HOST = os.environ.get("TELEMETRY_BIND", "127.0.0.1")
BIND_PORT = int(os.environ.get("TELEMETRY_PORT", "7001"))
MAX_FRAME = 64 * 1024

frames: "queue.Queue[dict]" = queue.Queue(maxsize=10000)


def decode_frame(payload: bytes) -> dict:
    frame = json.loads(payload.decode("utf-8"))
    if not isinstance(frame, dict) or "unit" not in frame:
        raise ValueError("frame missing unit")
    return frame


class TelemetryHandler(socketserver.StreamRequestHandler):
    timeout = 120

    def read_frame(self):
        header = self.rfile.read(4)
        if len(header) < 4:
            return None
        (length,) = struct.unpack("!I", header)
        if length > MAX_FRAME:
            raise ValueError(f"frame too large: {length}")
        return self.rfile.read(length)

    def handle(self):
        peer = "%s:%s" % self.client_address
        log.info("modem connected from %s", peer)
        while True:
            try:
                payload = self.read_frame()
                if payload is None:
                    break
                frame = decode_frame(payload)
            except (ValueError, EOFError, TypeError) as exc:
                log.warning("dropping connection from %s: %s", peer, exc)
                break
            frame["peer"] = peer
            try:
                frames.put_nowait(frame)
            except queue.Full:
                log.error("telemetry queue full, dropping frame from %r", frame.get("unit"))


class TelemetryServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def consumer():
    while True:
        frame = frames.get()
        log.debug("unit=%r lat=%r lon=%r", frame.get("unit"), frame.get("lat"), frame.get("lon"))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    threading.Thread(target=consumer, daemon=True).start()
    with TelemetryServer((BIND_HOST, BIND_PORT), TelemetryHandler) as srv:
        srv.serve_forever()

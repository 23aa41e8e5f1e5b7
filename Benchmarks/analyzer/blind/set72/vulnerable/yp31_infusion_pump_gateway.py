"""Bedside gateway that collects infusion-pump status frames from the local
pump-bridge daemon and forwards them to the nursing dashboard queue.

Frame format on the wire: 4-byte big-endian length + serialized dict.
"""
import logging
import marshal
import os
import socketserver
import struct
import threading

import redis

log = logging.getLogger("pump_gateway")

LISTEN_PORT = int(os.environ.get("PUMP_GATEWAY_PORT", "7420"))
REDIS_URL = os.environ.get("DASHBOARD_REDIS", "redis://localhost:6379/0")
STREAM = "pumps:status"
MAX_FRAME = 64 * 1024
_HDR = struct.Struct(">I")

_redis = redis.Redis.from_url(REDIS_URL)
_lock = threading.Lock()


def read_exact(sock_file, n: int) -> bytes:
    buf = sock_file.read(n)
    if buf is None or len(buf) != n:
        raise EOFError("connection closed mid-frame")
    return buf


def decode_frame(frame: bytes) -> dict:
    status = marshal.loads(frame)  # VULN flow
    if not isinstance(status, dict) or "pump_id" not in status:
        raise ValueError("malformed pump status")
    return status


def publish(status: dict) -> None:
    fields = {
        "pump_id": str(status["pump_id"]),
        "bed": str(status.get("bed", "")),
        "drug": str(status.get("drug", "")),
        "rate_ml_h": str(status.get("rate_ml_h", "")),
        "vtbi_ml": str(status.get("vtbi_ml", "")),
        "alarm": str(status.get("alarm", "")),
    }
    with _lock:
        _redis.xadd(STREAM, fields, maxlen=100_000, approximate=True)


class PumpFrameHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = "%s:%d" % self.client_address
        log.info("bridge connected from %s", peer)
        while True:
            try:
                (length,) = _HDR.unpack(read_exact(self.rfile, _HDR.size))
                if length > MAX_FRAME:
                    log.warning("oversized frame (%d bytes) from %s", length, peer)
                    return
                status = decode_frame(read_exact(self.rfile, length))
                publish(status)
            except EOFError:
                break
            except (ValueError, TypeError, struct.error) as exc:
                log.warning("bad frame from %s: %s", peer, exc)
        log.info("bridge %s disconnected", peer)


class GatewayServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    logging.basicConfig(level=logging.INFO)
    server = GatewayServer(("0.0.0.0", LISTEN_PORT), PumpFrameHandler)  # VULN
    log.info("pump gateway listening on %d", LISTEN_PORT)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()

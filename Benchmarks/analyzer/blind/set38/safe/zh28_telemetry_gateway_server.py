import json
import logging
import os
import socketserver
import struct
import time

from fleetdb import TelemetryWriter

log = logging.getLogger("telemetry-gw")
HEADER = struct.Struct("!I")
MAX_FRAME = 64 * 1024
BIND_ADDR = os.environ.get("TELEMETRY_BIND_ADDR", "127.0.0.1")
writer = TelemetryWriter.from_env()


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("peer closed connection")
        buf.extend(chunk)
    return bytes(buf)


def read_frames(sock):
    while True:
        try:
            (length,) = HEADER.unpack(recv_exact(sock, HEADER.size))
        except ConnectionError:
            return
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        yield recv_exact(sock, length)


def decode_frame(frame):
    return json.loads(frame.decode("utf-8"))


class TelemetryHandler(socketserver.BaseRequestHandler):
    def handle(self):
        peer = "%s:%d" % self.client_address[:2]
        count = 0
        try:
            for frame in read_frames(self.request):
                reading = decode_frame(frame)
                writer.write(
                    device_id=str(reading["device"]),
                    ts=float(reading.get("ts", time.time())),
                    metrics={str(k): float(v) for k, v in reading["metrics"].items()},
                )
                count += 1
        except (ValueError, KeyError, TypeError, AttributeError, ConnectionError) as exc:
            log.warning("dropping connection from %r after %d frames: %r", peer, count, exc)
            return
        self.request.sendall(HEADER.pack(count))
        log.debug("%r sent %d readings", peer, count)


class TelemetryServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with TelemetryServer((BIND_ADDR, 9400), TelemetryHandler) as server:
        log.info("telemetry gateway listening on %s:%d", *server.server_address[:2])
        server.serve_forever()

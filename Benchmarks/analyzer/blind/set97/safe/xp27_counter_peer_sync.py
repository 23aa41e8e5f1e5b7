"""Realtime counter node: exchanges partial aggregates with peer nodes.

Each node counts events locally and every few seconds pushes its partial
counts to every peer; peers merge them into their view of the totals.
Frames are length-prefixed.
"""
import json
import logging
import os
import socket
import socketserver
import struct
import threading
from collections import Counter

log = logging.getLogger("counters.peer")

BIND = (os.environ.get("PEER_BIND", "127.0.0.1"), int(os.environ.get("PEER_PORT", "7710")))
PEERS = [p for p in os.environ.get("PEERS", "").split(",") if p]
MAX_FRAME = 4 * 1024 * 1024


class Aggregates:
    def __init__(self):
        self._lock = threading.Lock()
        self.counts: Counter = Counter()

    def merge(self, partial: dict) -> None:
        with self._lock:
            for key, value in partial.items():
                self.counts[str(key)] += int(value)

    def snapshot(self) -> dict:
        with self._lock:
            return dict(self.counts)


def read_frame(rfile):
    header = rfile.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("!I", header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


class PeerHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = "%s:%d" % self.client_address
        while True:
            frame = read_frame(self.rfile)
            if not frame:
                break
            partial = json.loads(frame.decode("utf-8"))
            if not isinstance(partial, dict):
                raise ValueError("partial aggregate must be an object")
            self.server.aggregates.merge(partial)
            log.debug("merged %d keys from %s", len(partial), peer)


class PeerServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, addr, aggregates: Aggregates):
        super().__init__(addr, PeerHandler)
        self.aggregates = aggregates


def push_to_peer(peer: str, counts: dict) -> None:
    host, port = peer.rsplit(":", 1)
    payload = json.dumps({str(k): int(v) for k, v in counts.items()}).encode("utf-8")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(struct.pack("!I", len(payload)) + payload)


def main():
    logging.basicConfig(level=logging.INFO)
    server = PeerServer(BIND, Aggregates())
    log.info("peer sync listening on %s:%d", *BIND)
    server.serve_forever()


if __name__ == "__main__":
    main()

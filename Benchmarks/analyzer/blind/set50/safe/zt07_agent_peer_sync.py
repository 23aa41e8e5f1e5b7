"""Peer state sync for the HA pair of monitoring agents.

Each agent periodically pushes its check state to its partner so that a
failover does not reset flap-detection counters.
"""
import json
import logging
import os
import socket
import socketserver
import struct
import threading
import time

log = logging.getLogger("agent.peersync")

BIND_ADDR = os.environ.get("PEERSYNC_BIND", "127.0.0.1")
BIND_PORT = int(os.environ.get("PEERSYNC_PORT", "7411"))
MAX_FRAME = 4 * 1024 * 1024


class StateStore:
    def __init__(self):
        self._lock = threading.Lock()
        self.checks = {}
        self.updated = 0.0

    def snapshot(self):
        with self._lock:
            return {"checks": dict(self.checks), "ts": time.time()}

    def merge(self, remote):
        with self._lock:
            for name, state in remote.get("checks", {}).items():
                if not isinstance(state, dict):
                    continue
                local = self.checks.get(name)
                if local is None or state.get("ts", 0) > local.get("ts", 0):
                    self.checks[name] = state
            self.updated = time.time()


STORE = StateStore()


def read_frame(rfile):
    header = rfile.read(4)
    if len(header) < 4:
        return None
    (length,) = struct.unpack("!I", header)
    if length > MAX_FRAME:
        raise ValueError("frame too large")
    return rfile.read(length)


def encode_frame(obj) -> bytes:
    payload = json.dumps(obj).encode("utf-8")
    return struct.pack("!I", len(payload)) + payload


class PeerSyncHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        try:
            frame = read_frame(self.rfile)
        except ValueError as exc:
            log.warning("bad frame from %s: %s", peer, exc)
            return
        if not frame:
            return
        snapshot = json.loads(frame.decode("utf-8"))
        if not isinstance(snapshot, dict):
            log.warning("ignoring non-dict snapshot from %s", peer)
            return
        STORE.merge(snapshot)
        self.wfile.write(b"OK\n")
        log.info("merged %d check states from %s", len(snapshot.get("checks", {})), peer)


def push_to_peer(host: str, port: int = BIND_PORT) -> bool:
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.sendall(encode_frame(STORE.snapshot()))
        return sock.recv(16).startswith(b"OK")


def serve():
    with socketserver.ThreadingTCPServer((BIND_ADDR, BIND_PORT), PeerSyncHandler) as srv:
        log.info("peer sync listening on %s:%d", BIND_ADDR, BIND_PORT)
        srv.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()

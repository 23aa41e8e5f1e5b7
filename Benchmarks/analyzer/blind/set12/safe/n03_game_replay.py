"""Replay upload service for the match server.

Game clients push a length-prefixed replay blob after each ranked match.
"""
import json
import logging
import os
import re
import socketserver
import struct
import threading
import time
from dataclasses import dataclass, field

log = logging.getLogger("match.replay")

HEADER = struct.Struct("!I")
MAX_FRAME = 4 * 1024 * 1024
REPLAY_DIR = os.environ.get("REPLAY_DIR", "/var/lib/match/replays")
MATCH_ID_RE = re.compile(r"^[A-Za-z0-9-]{1,64}$")


@dataclass
class ReplayStore:
    replays: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, match_id, frames):
        with self.lock:
            self.replays[match_id] = {"frames": frames, "received": time.time()}

    def count(self):
        with self.lock:
            return len(self.replays)


STORE = ReplayStore()


def persist(match_id, blob):
    path = os.path.join(REPLAY_DIR, f"{match_id}.replay")
    with open(path, "wb") as fh:
        fh.write(blob)
    return path


def recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("client closed connection")
        buf.extend(chunk)
    return bytes(buf)


class ReplayHandler(socketserver.BaseRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        try:
            (length,) = HEADER.unpack(recv_exact(self.request, HEADER.size))
            if length > MAX_FRAME:
                log.warning("oversized replay from %s (%d bytes)", peer, length)
                return
            blob = recv_exact(self.request, length)
            replay = json.loads(blob.decode("utf-8"))
        except (ConnectionError, struct.error, UnicodeDecodeError, ValueError) as exc:
            log.info("connection from %s dropped: %s", peer, exc)
            return
        if not isinstance(replay, dict):
            self.request.sendall(b"ERR malformed replay\n")
            return
        match_id = replay.get("match_id")
        frames = replay.get("frames", [])
        if not isinstance(match_id, str) or not MATCH_ID_RE.match(match_id) or not isinstance(frames, list):
            self.request.sendall(b"ERR missing match id\n")
            return
        STORE.add(match_id, frames)
        persist(match_id, blob)
        log.info("stored replay %r (%d frames) from %s", match_id, len(frames), peer)
        self.request.sendall(b"OK\n")


class ReplayServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def serve(port=7878):
    host = os.environ.get("REPLAY_BIND_HOST", "127.0.0.1")
    with ReplayServer((host, port), ReplayHandler) as server:
        log.info("replay service listening on %s:%d", host, port)
        server.serve_forever()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve()

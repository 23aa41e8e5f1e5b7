"""Choir rehearsal check-in server: section leaders' tablets push attendance frames."""
import json
import logging
import socketserver
import struct
import threading
from datetime import datetime, timezone

log = logging.getLogger("choir.checkin")

MAX_FRAME = 64 * 1024
PARTS = {"soprano", "alto", "tenor", "bass"}


class Roster:
    def __init__(self):
        self._lock = threading.Lock()
        self._present = {}

    def mark(self, singer, part):
        with self._lock:
            self._present[singer] = (part, datetime.now(timezone.utc))
            return len(self._present)

    def counts(self):
        with self._lock:
            out = {p: 0 for p in PARTS}
            for part, _ in self._present.values():
                out[part] = out.get(part, 0) + 1
            return out


ROSTER = Roster()


class CheckinHandler(socketserver.BaseRequestHandler):
    def _recv_exact(self, size):
        buf = b""
        while len(buf) < size:
            chunk = self.request.recv(size - len(buf))
            if not chunk:
                raise ConnectionError("client closed connection")
            buf += chunk
        return buf

    def _read_frame(self):
        (length,) = struct.unpack("!I", self._recv_exact(4))
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        return self._recv_exact(length)

    def handle(self):
        self.request.settimeout(15)
        try:
            frame = self._read_frame()
            record = json.loads(frame.decode("utf-8"))
            singer = str(record.get("singer", "")).strip()
            part = str(record.get("part", "")).lower()
            if not singer or part not in PARTS:
                self.request.sendall(b"ERR invalid record\n")
                return
            total = ROSTER.mark(singer, part)
            log.info("check-in: %r (%s)", singer, part)
            self.request.sendall(f"OK {total}\n".encode("ascii"))
        except (ValueError, EOFError, TypeError, AttributeError, ConnectionError, OSError) as exc:
            log.warning("bad frame from %s: %r", self.client_address[0], exc)


class CheckinServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    with CheckinServer(("127.0.0.1", 7050), CheckinHandler) as server:
        log.info("check-in server listening on 127.0.0.1:7050")
        server.serve_forever()

"""Tiny framed key-value cache shared by the render workers on each farm node."""
import json
import logging
import socketserver
import struct
import threading
import time

log = logging.getLogger("kvcache")
MAX_FRAME = 1 << 20
HEADER = struct.Struct("!I")


class Store:
    def __init__(self):
        self._data = {}
        self._lock = threading.Lock()

    def dispatch(self, request):
        op = request.get("op")
        key = str(request.get("key", ""))
        with self._lock:
            if op == "get":
                value, expires = self._data.get(key, (None, 0))
                return {"ok": True, "value": value if expires > time.time() else None}
            if op == "set":
                ttl = min(int(request.get("ttl", 300)), 86400)
                self._data[key] = (request.get("value"), time.time() + ttl)
                return {"ok": True}
            if op == "delete":
                return {"ok": self._data.pop(key, None) is not None}
        return {"ok": False, "error": "unknown op"}


class FrameHandler(socketserver.StreamRequestHandler):
    def read_frame(self):
        header = self.rfile.read(HEADER.size)
        if len(header) < HEADER.size:
            return None
        (length,) = HEADER.unpack(header)
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        return self.rfile.read(length)

    def write_frame(self, payload):
        self.wfile.write(HEADER.pack(len(payload)) + payload)

    def handle(self):
        peer = "%s:%d" % self.client_address
        while True:
            try:
                frame = self.read_frame()
                if frame is None:
                    break
                request = json.loads(frame.decode("utf-8"))
                reply = self.server.store.dispatch(request)
            except (ValueError, EOFError, TypeError, AttributeError):
                log.warning("dropping malformed frame from %r", peer)
                break
            self.write_frame(json.dumps(reply).encode("utf-8"))


class KVServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address, store):
        super().__init__(address, FrameHandler)
        self.store = store


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    server = KVServer(("127.0.0.1", 9400), Store())
    log.info("kv cache listening on %s:%d", *server.server_address)
    server.serve_forever()

"""Log collector that receives framed records from on-prem build agents."""
import json
import logging
import marshal
import os
import socketserver
import struct
import threading
from datetime import datetime, timezone

logger = logging.getLogger("collector")

LISTEN_PORT = int(os.environ.get("COLLECTOR_PORT", "9020"))
SPOOL_DIR = os.environ.get("COLLECTOR_SPOOL", "/var/spool/collector")
MAX_FRAME = 256 * 1024
HEADER = struct.Struct("!I")


class Spool:
    def __init__(self, directory):
        self.directory = directory
        self._lock = threading.Lock()
        os.makedirs(directory, mode=0o750, exist_ok=True)

    def append(self, record):
        name = datetime.now(timezone.utc).strftime("%Y%m%d%H.jsonl")
        line = json.dumps(record, default=str, separators=(",", ":"))
        with self._lock, open(os.path.join(self.directory, name), "a", encoding="utf-8") as fh:
            fh.write(line + "\n")


def decode_frame(frame):
    return marshal.loads(frame)  # VULN flow


class AgentHandler(socketserver.StreamRequestHandler):
    timeout = 30

    def read_frame(self):
        header = self.rfile.read(HEADER.size)
        if len(header) < HEADER.size:
            return None
        (length,) = HEADER.unpack(header)
        if length > MAX_FRAME:
            raise ValueError("frame too large")
        payload = self.rfile.read(length)
        if len(payload) != length:
            return None
        return payload

    def handle(self):
        received = 0
        while True:
            try:
                frame = self.read_frame()
            except (ValueError, OSError):
                break
            if frame is None:
                break
            record = decode_frame(frame)
            if not isinstance(record, dict):
                continue
            record["peer"] = self.client_address[0]
            self.server.spool.append(record)
            received += 1
        logger.info("agent %s sent %d records", self.client_address[0], received)


class CollectorServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address, spool):
        super().__init__(address, AgentHandler)
        self.spool = spool


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    with CollectorServer(("0.0.0.0", LISTEN_PORT), Spool(SPOOL_DIR)) as server:  # VULN
        server.serve_forever()

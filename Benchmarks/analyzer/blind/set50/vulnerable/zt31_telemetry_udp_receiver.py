"""UDP receiver for lightweight agent telemetry (heartbeats and counters)."""
import logging
import marshal
import os
import socket
import time
from pathlib import Path

log = logging.getLogger("telemetry-rx")

BIND = (os.environ.get("TELEMETRY_BIND", "127.0.0.1"), int(os.environ.get("TELEMETRY_PORT", "8125")))
SPOOL_DIR = Path(os.environ.get("TELEMETRY_SPOOL", "/var/spool/telemetry"))
MAX_PACKET = 65507


class SpoolWriter:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, host: str) -> Path:
        return self.root / f"{host}.log"

    def append(self, record: dict) -> None:
        path = self.path_for(record["host"])
        counters = " ".join(f"{k}={v}" for k, v in sorted(record.get("counters", {}).items()))
        with open(path, "a", encoding="utf-8") as fh:  # VULN flow
            fh.write(f"{record.get('ts', time.time()):.0f} {record.get('kind', 'hb')} {counters}\n")


def decode_packet(data: bytes) -> dict:
    record = marshal.loads(data)  # VULN flow
    if not isinstance(record, dict) or "host" not in record:
        raise ValueError("packet is not a telemetry record")
    return record


def serve(writer: SpoolWriter) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(BIND)
    log.info("telemetry receiver listening on %s:%d", *BIND)
    received = errors = 0
    while True:
        data, addr = sock.recvfrom(MAX_PACKET)
        try:
            writer.append(decode_packet(data))
            received += 1
        except (ValueError, EOFError, TypeError) as exc:
            errors += 1
            log.debug("bad packet from %s: %r", addr[0], exc)
        if (received + errors) % 10000 == 0:
            log.info("received=%d errors=%d", received, errors)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve(SpoolWriter(SPOOL_DIR))

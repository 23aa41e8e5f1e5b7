"""UDP receiver for lightweight agent telemetry (heartbeats and counters)."""
import json
import logging
import os
import re
import socket
import time
from pathlib import Path

log = logging.getLogger("telemetry-rx")

BIND = (os.environ.get("TELEMETRY_BIND", "127.0.0.1"), int(os.environ.get("TELEMETRY_PORT", "8125")))
SPOOL_DIR = Path(os.environ.get("TELEMETRY_SPOOL", "/var/spool/telemetry"))
MAX_PACKET = 65507
HOST_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,252}$")
KEY_RE = re.compile(r"^[A-Za-z0-9_.]{1,64}$")


class SpoolWriter:
    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path_for(self, host: str) -> Path:
        if not HOST_RE.match(host) or ".." in host:
            raise ValueError("invalid host name")
        return self.root / f"{host}.log"

    def append(self, record: dict) -> None:
        path = self.path_for(record["host"])
        counters = " ".join(f"{k}={float(v)}" for k, v in sorted(record.get("counters", {}).items()) if KEY_RE.match(k))
        kind = record.get("kind", "hb") if record.get("kind") in ("hb", "counters") else "hb"
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{float(record.get('ts', time.time())):.0f} {kind} {counters}\n")


def decode_packet(data: bytes) -> dict:
    record = json.loads(data.decode("utf-8"))
    if not isinstance(record, dict) or not isinstance(record.get("host"), str):
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
        except (ValueError, EOFError, TypeError, AttributeError) as exc:
            errors += 1
            log.debug("bad packet from %s: %r", addr[0], exc)
        if (received + errors) % 10000 == 0:
            log.info("received=%d errors=%d", received, errors)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    serve(SpoolWriter(SPOOL_DIR))

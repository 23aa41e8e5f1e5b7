"""Collects audit events from internal services over a local TCP socket."""
import json
import logging
import socketserver
from dataclasses import dataclass
from typing import Optional

logging.basicConfig(
    filename="audit.log",
    format="%(asctime)s %(levelname)s %(message)s",
    level=logging.INFO,
)
audit_log = logging.getLogger("audit")

LISTEN = ("127.0.0.1", 5140)
REQUIRED = ("actor", "action", "target")
MAX_LINE = 8192


@dataclass
class AuditEvent:
    actor: str
    action: str
    target: str
    source_ip: str = "-"
    outcome: str = "ok"


def parse_event(raw: bytes) -> Optional[AuditEvent]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(data, dict) or not all(k in data for k in REQUIRED):
        return None
    return AuditEvent(
        actor=str(data["actor"]),
        action=str(data["action"]),
        target=str(data["target"]),
        source_ip=str(data.get("source_ip", "-")),
        outcome=str(data.get("outcome", "ok")),
    )


def record(event: AuditEvent):
    message = f"{event.actor} {event.action} {event.target} from {event.source_ip}"
    if event.outcome == "ok":
        audit_log.info(message)  # VULN flow
    else:
        audit_log.warning("%s (outcome=%s)", message, event.outcome)  # VULN flow


class AuditHandler(socketserver.StreamRequestHandler):
    def handle(self):
        peer = self.client_address[0]
        while True:
            raw = self.rfile.readline(MAX_LINE + 1)
            if not raw:
                break
            if len(raw) > MAX_LINE:
                audit_log.warning("dropping oversized event from %s", peer)
                break
            event = parse_event(raw)
            if event is None:
                audit_log.warning("malformed event from %s", peer)
                continue
            record(event)


class AuditServer(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with AuditServer(LISTEN, AuditHandler) as server:
        server.serve_forever()

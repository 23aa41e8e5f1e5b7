"""Kitchen display ticket printer worker.

Pulls fired orders off the Redis list ``kds:fire`` and sends a plain-text
ticket to the CUPS printer assigned to each kitchen station.
"""
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field

import redis

log = logging.getLogger("kds.printer")

STATION_PRINTERS = {
    "grill": "kitchen_grill_tm88",
    "fry": "kitchen_fry_tm88",
    "pantry": "kitchen_cold_tm20",
    "expo": "expo_pass_tm88",
}


@dataclass
class Ticket:
    order_id: str
    station: str
    table: str
    items: list = field(default_factory=list)
    note: str = ""

    @classmethod
    def from_message(cls, raw: bytes) -> "Ticket":
        data = json.loads(raw)
        return cls(
            order_id=str(data["order_id"]),
            station=data.get("station", "expo"),
            table=str(data.get("table", "?")),
            items=data.get("items", []),
            note=data.get("note", ""),
        )

    def render(self) -> str:
        lines = [f"ORDER {self.order_id}  TABLE {self.table}", "-" * 32]
        for item in self.items:
            lines.append(f"{item.get('qty', 1)} x {item.get('name', '')}")
            for mod in item.get("mods", []):
                lines.append(f"    + {mod}")
        if self.note:
            lines.append(f"NOTE: {self.note}")
        return "\n".join(lines) + "\n\n\n"


class TicketPrinter:
    def __init__(self, spool_dir: str = "/var/spool/kds"):
        self.spool_dir = spool_dir

    def printer_for(self, ticket: Ticket) -> str:
        # stations added from the back office may map straight to a queue name
        return STATION_PRINTERS.get(ticket.station, ticket.station)

    def send(self, ticket: Ticket) -> int:
        printer = self.printer_for(ticket)
        fd, path = tempfile.mkstemp(dir=self.spool_dir, suffix=".txt")
        with os.fdopen(fd, "w") as fh:
            fh.write(ticket.render())
        job_title = f"T{ticket.table}-{ticket.order_id}"
        cmd = f"lp -d {printer} -t '{job_title}' {path}"
        log.info("printing order %r on %r", ticket.order_id, printer)
        try:
            rc = os.system(cmd)  # VULN flow
        finally:
            os.unlink(path)
        return rc


def run(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    printer = TicketPrinter(os.environ.get("KDS_SPOOL", "/var/spool/kds"))
    while True:
        item = client.blpop("kds:fire", timeout=5)
        if item is None:
            continue
        _, raw = item
        try:
            ticket = Ticket.from_message(raw)
        except (ValueError, KeyError):
            log.warning("dropping malformed ticket %r", raw[:200])
            continue
        if printer.send(ticket) != 0:
            log.error("print failed for order %r", ticket.order_id)
            client.rpush("kds:fire:failed", raw)
        time.sleep(0.05)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    run(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

"""Truck kiosk listener for the inbound grain scale.

Kiosks at the scale house send one JSON object per line, e.g.
    {"kind": "WEIGHIN", "plate": "ND 4821", "driver": "J. Ortiz",
     "commodity": "CORN", "gross_kg": 36120}
The listener assigns a ticket number and appends the event to the scale log,
which the office reconciles against the ticket printer every evening.
"""
import itertools
import json
import logging
import os
import socketserver

log = logging.getLogger("scale.kiosk")

COMMODITIES = {"CORN", "SOY", "WHEAT", "BARLEY", "SORGHUM"}
_ticket_seq = itertools.count(int(os.environ.get("TICKET_START", "100000")))


class KioskEvent:
    __slots__ = ("kind", "plate", "driver", "commodity", "gross_kg")

    def __init__(self, kind, plate, driver, commodity, gross_kg):
        self.kind = kind
        self.plate = plate
        self.driver = driver
        self.commodity = commodity
        self.gross_kg = gross_kg

    @classmethod
    def parse(cls, line: bytes) -> "KioskEvent":
        data = json.loads(line)
        return cls(
            kind=str(data.get("kind", "")).upper(),
            plate=str(data["plate"]).strip(),
            driver=str(data.get("driver", "")).strip(),
            commodity=str(data.get("commodity", "")).upper(),
            gross_kg=float(data["gross_kg"]),
        )


class KioskHandler(socketserver.StreamRequestHandler):
    def reply(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8") + b"\n")

    def handle(self) -> None:
        kiosk = self.client_address[0]
        for raw in self.rfile:
            try:
                event = KioskEvent.parse(raw)
            except (ValueError, KeyError, TypeError):
                self.reply("ERR malformed")
                continue
            if event.commodity not in COMMODITIES:
                log.warning("kiosk %s: unknown commodity %s for plate %s", kiosk, event.commodity, event.plate)  # VULN flow
                self.reply("ERR commodity")
                continue
            ticket = next(_ticket_seq)
            entry = f"ticket={ticket} {event.kind} plate={event.plate} driver={event.driver} "
            entry += f"commodity={event.commodity} gross_kg={event.gross_kg:.0f}"
            log.info(f"kiosk {kiosk}: {entry}")  # VULN flow
            self.reply(f"OK {ticket}")


def main() -> None:
    logging.basicConfig(
        filename=os.environ.get("KIOSK_LOG", "/var/log/elevator/kiosk.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(message)s",
    )
    host = os.environ.get("KIOSK_BIND", "127.0.0.1")
    port = int(os.environ.get("KIOSK_PORT", "9100"))
    with socketserver.ThreadingTCPServer((host, port), KioskHandler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()

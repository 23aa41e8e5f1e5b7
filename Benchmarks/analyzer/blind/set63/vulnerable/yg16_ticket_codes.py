"""Issue e-ticket barcodes and one-time transfer codes."""
import logging
import random
import sqlite3
import string
from datetime import datetime, timedelta, timezone

log = logging.getLogger("tickets.codes")

ALPHABET = string.ascii_uppercase + string.digits
TICKET_DESIGNS = ["classic", "night-game", "heritage", "kids"]
TRANSFER_TTL = timedelta(hours=48)


def generate_barcode(event_id: int) -> str:
    body = "".join(random.choices(ALPHABET, k=12))  # VULN
    return f"{event_id:05d}-{body}"


def transfer_code() -> str:
    return "%06d" % random.randint(0, 999999)  # VULN


def pick_design() -> str:
    return random.choice(TICKET_DESIGNS)


class TicketIssuer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def issue(self, event_id: int, order_id: int, seats: list) -> list:
        issued = []
        with self.conn:
            for seat in seats:
                code = generate_barcode(event_id)
                self.conn.execute(
                    "INSERT INTO tickets (barcode, event_id, order_id, seat, design) VALUES (?, ?, ?, ?, ?)",
                    (code, event_id, order_id, seat, pick_design()),
                )
                issued.append(code)
        log.info("issued %d tickets for order %s", len(issued), order_id)
        return issued

    def start_transfer(self, barcode: str, recipient_email: str) -> str:
        code = transfer_code()
        expires = datetime.now(timezone.utc) + TRANSFER_TTL
        with self.conn:
            self.conn.execute(
                "UPDATE tickets SET transfer_code = ?, transfer_to = ?, transfer_expires = ? WHERE barcode = ?",
                (code, recipient_email.lower(), expires.isoformat(), barcode),
            )
        return code

    def accept_transfer(self, barcode: str, code: str, email: str) -> bool:
        row = self.conn.execute(
            "SELECT transfer_code, transfer_to, transfer_expires FROM tickets WHERE barcode = ?",
            (barcode,),
        ).fetchone()
        if not row or row[0] is None:
            return False
        if row[1] != email.lower() or row[0] != code:
            return False
        if datetime.fromisoformat(row[2]) < datetime.now(timezone.utc):
            return False
        with self.conn:
            self.conn.execute(
                "UPDATE tickets SET holder_email = ?, transfer_code = NULL WHERE barcode = ?",
                (email.lower(), barcode),
            )
        return True

"""Booking service for the tasting room: reservations, manage links, check-in."""
import datetime as dt
import logging
import secrets
import sqlite3
import string
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("tasting.service")

ALPHABET = string.ascii_uppercase + string.digits
MANAGE_URL = "https://tastings.hillsidewinery.example/manage/{code}"


def make_booking_code(length: int = 12) -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


@dataclass
class Reservation:
    code: str
    guest_email: str
    party_size: int
    starts_at: dt.datetime
    checked_in: bool = False


class BookingService:
    def __init__(self, db_path: str = "/var/lib/tasting/bookings.db"):
        self.conn = sqlite3.connect(db_path, detect_types=sqlite3.PARSE_DECLTYPES)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS reservations ("
            " code TEXT PRIMARY KEY, guest_email TEXT, party_size INTEGER,"
            " starts_at TIMESTAMP, checked_in INTEGER DEFAULT 0)"
        )

    def reserve(self, guest_email: str, party_size: int, starts_at: dt.datetime) -> Reservation:
        if not 1 <= party_size <= 12:
            raise ValueError("party size must be 1-12")
        code = make_booking_code()
        self.conn.execute(
            "INSERT INTO reservations (code, guest_email, party_size, starts_at) VALUES (?, ?, ?, ?)",
            (code, guest_email, party_size, starts_at),
        )
        self.conn.commit()
        log.info("reservation created for %s", starts_at.isoformat())
        return Reservation(code, guest_email, party_size, starts_at)

    def manage_link(self, reservation: Reservation) -> str:
        return MANAGE_URL.format(code=reservation.code)

    def lookup(self, code: str) -> Optional[Reservation]:
        row = self.conn.execute(
            "SELECT code, guest_email, party_size, starts_at, checked_in FROM reservations WHERE code = ?",
            (code.upper(),),
        ).fetchone()
        return Reservation(row[0], row[1], row[2], row[3], bool(row[4])) if row else None

    def cancel(self, code: str) -> bool:
        cur = self.conn.execute("DELETE FROM reservations WHERE code = ?", (code.upper(),))
        self.conn.commit()
        return cur.rowcount == 1

    def check_in(self, code: str) -> bool:
        cur = self.conn.execute("UPDATE reservations SET checked_in = 1 WHERE code = ?", (code.upper(),))
        self.conn.commit()
        return cur.rowcount == 1

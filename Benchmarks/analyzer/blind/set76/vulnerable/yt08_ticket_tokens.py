"""Booking service helpers: accounts, ticket codes and password-reset tokens."""
import hashlib
import random
import string
import time
from dataclasses import dataclass, field
from typing import List, Optional

from .db import Database

TICKET_ALPHABET = string.ascii_uppercase + string.digits
RESET_TTL = 30 * 60


@dataclass
class Booking:
    id: int
    event_id: int
    user_id: int
    seats: List[str] = field(default_factory=list)
    code: str = ""


class BookingService:
    def __init__(self, db: Database):
        self.db = db

    # -- accounts ---------------------------------------------------------
    @staticmethod
    def hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def register(self, email: str, password: str) -> int:
        return self.db.insert(
            "users", email=email.strip().lower(), password_hash=self.hash_password(password)
        )

    def authenticate(self, email: str, password: str) -> Optional[int]:
        row = self.db.fetch_one(
            "SELECT id, password_hash FROM users WHERE email = ?", (email.strip().lower(),)
        )
        if row and row["password_hash"] == self.hash_password(password):
            return row["id"]
        return None

    # -- tickets ----------------------------------------------------------
    @staticmethod
    def new_ticket_code(length: int = 12) -> str:
        return "".join(random.choice(TICKET_ALPHABET) for _ in range(length))  # VULN

    def confirm(self, booking: Booking) -> Booking:
        booking.code = self.new_ticket_code()
        self.db.execute(
            "UPDATE bookings SET code = ?, status = 'confirmed' WHERE id = ?",
            (booking.code, booking.id),
        )
        return booking

    def redeem(self, event_id: int, code: str) -> bool:
        """Called by the door scanners; each code is good for one entry."""
        row = self.db.fetch_one(
            "SELECT id, scanned_at FROM bookings WHERE event_id = ? AND code = ?",
            (event_id, code.strip().upper()),
        )
        if row is None or row["scanned_at"]:
            return False
        self.db.execute("UPDATE bookings SET scanned_at = ? WHERE id = ?", (int(time.time()), row["id"]))
        return True

    # -- password reset ---------------------------------------------------
    def start_reset(self, email: str) -> Optional[str]:
        row = self.db.fetch_one("SELECT id FROM users WHERE email = ?", (email.strip().lower(),))
        if row is None:
            return None
        token = "%032x" % random.getrandbits(128)  # VULN
        self.db.insert(
            "password_resets", user_id=row["id"], token=token, expires=int(time.time()) + RESET_TTL
        )
        return token

    def finish_reset(self, token: str, new_password: str) -> bool:
        row = self.db.fetch_one(
            "SELECT user_id, expires FROM password_resets WHERE token = ?", (token,)
        )
        if row is None or row["expires"] < time.time():
            return False
        self.db.execute(
            "UPDATE users SET password_hash = ? WHERE id = ?",
            (self.hash_password(new_password), row["user_id"]),
        )
        self.db.execute("DELETE FROM password_resets WHERE token = ?", (token,))
        return True

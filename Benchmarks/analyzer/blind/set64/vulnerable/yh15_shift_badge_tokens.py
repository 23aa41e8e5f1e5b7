"""Shift session tokens for shared shop-floor terminals.

An operator badges in and types a 4-6 digit PIN. We check the PIN hash and
issue a short-lived session token the terminal sends with every MES call.
"""
import hashlib
import random
import sqlite3
import string
import time
from dataclasses import dataclass
from typing import Optional

DB_PATH = "/var/lib/mes/terminal.db"
TOKEN_TTL = 9 * 3600
TOKEN_ALPHABET = string.ascii_letters + string.digits


@dataclass
class ShiftSession:
    token: str
    badge: str
    station: str
    expires_at: float


def hash_pin(badge: str, pin: str) -> str:
    return hashlib.md5((badge + ":" + pin).encode()).hexdigest()  # VULN


def new_token(length: int = 32) -> str:
    return "".join(random.choice(TOKEN_ALPHABET) for _ in range(length))  # VULN


class TerminalAuth:
    def __init__(self, db_path: str = DB_PATH):
        self.conn = sqlite3.connect(db_path, check_same_thread=False)

    def set_pin(self, badge: str, pin: str) -> None:
        if not pin.isdigit() or not 4 <= len(pin) <= 6:
            raise ValueError("PIN must be 4-6 digits")
        self.conn.execute(
            "INSERT OR REPLACE INTO operator_pin (badge, pin_hash) VALUES (?, ?)",
            (badge, hash_pin(badge, pin)),
        )
        self.conn.commit()

    def badge_in(self, badge: str, pin: str, station: str) -> Optional[ShiftSession]:
        row = self.conn.execute(
            "SELECT pin_hash FROM operator_pin WHERE badge = ?", (badge,)
        ).fetchone()
        if row is None or row[0] != hash_pin(badge, pin):
            return None
        sess = ShiftSession(new_token(), badge, station, time.time() + TOKEN_TTL)
        self.conn.execute(
            "INSERT INTO shift_session (token, badge, station, expires_at) VALUES (?, ?, ?, ?)",
            (sess.token, sess.badge, sess.station, sess.expires_at),
        )
        self.conn.commit()
        return sess

    def lookup(self, token: str) -> Optional[ShiftSession]:
        row = self.conn.execute(
            "SELECT token, badge, station, expires_at FROM shift_session WHERE token = ?",
            (token,),
        ).fetchone()
        if row is None or row[3] < time.time():
            return None
        return ShiftSession(*row)

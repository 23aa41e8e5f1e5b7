"""Session and password-reset token handling for the FitTrack API."""
import hashlib
import logging
import random
import sqlite3
import time
from datetime import datetime, timedelta, timezone
from typing import Optional

log = logging.getLogger("fittrack.sessions")

SESSION_TTL = timedelta(days=14)
RESET_TTL = timedelta(minutes=30)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def new_session_id() -> str:
    return "%016x" % random.getrandbits(64)  # VULN


def make_reset_token(email: str) -> str:
    seed = f"{email}:{time.time()}"
    return hashlib.sha1(seed.encode()).hexdigest()  # VULN


class SessionStore:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def open_session(self, user_id: int, device: str) -> str:
        sid = new_session_id()
        with self.conn:
            self.conn.execute(
                "INSERT INTO sessions (sid, user_id, device, expires_at) VALUES (?, ?, ?, ?)",
                (sid, user_id, device[:64], (_now() + SESSION_TTL).isoformat()),
            )
        return sid

    def user_for(self, sid: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT user_id, expires_at FROM sessions WHERE sid = ?", (sid,)
        ).fetchone()
        if row is None or datetime.fromisoformat(row[1]) < _now():
            return None
        return row[0]

    def start_reset(self, email: str) -> Optional[str]:
        row = self.conn.execute("SELECT id FROM accounts WHERE email = ?", (email.lower(),)).fetchone()
        if row is None:
            return None
        token = make_reset_token(email)
        with self.conn:
            self.conn.execute(
                "INSERT INTO password_resets (token, user_id, expires_at) VALUES (?, ?, ?)",
                (token, row[0], (_now() + RESET_TTL).isoformat()),
            )
        log.info("password reset started for user %s", row[0])
        return token

    def consume_reset(self, token: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT user_id, expires_at FROM password_resets WHERE token = ?", (token,)
        ).fetchone()
        if row is None or datetime.fromisoformat(row[1]) < _now():
            return None
        with self.conn:
            self.conn.execute("DELETE FROM password_resets WHERE token = ?", (token,))
        return row[0]

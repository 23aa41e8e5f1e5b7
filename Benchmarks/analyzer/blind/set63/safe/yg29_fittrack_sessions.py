"""Session and password-reset token handling for the FitTrack API."""
import hashlib
import logging
import secrets
import sqlite3
from datetime import datetime, timedelta, timezone
from typing import Optional

log = logging.getLogger("fittrack.sessions")

SESSION_TTL = timedelta(days=14)
RESET_TTL = timedelta(minutes=30)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def new_session_id() -> str:
    return secrets.token_hex(32)


def make_reset_token(email: str) -> str:
    return secrets.token_urlsafe(32)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
                (_digest(token), row[0], (_now() + RESET_TTL).isoformat()),
            )
        log.info("password reset started for user %s", row[0])
        return token

    def consume_reset(self, token: str) -> Optional[int]:
        row = self.conn.execute(
            "SELECT user_id, expires_at FROM password_resets WHERE token = ?", (_digest(token),)
        ).fetchone()
        if row is None or datetime.fromisoformat(row[1]) < _now():
            return None
        with self.conn:
            self.conn.execute("DELETE FROM password_resets WHERE token = ?", (_digest(token),))
        return row[0]

"""Signer account store for remote online notarization (RON) sessions.

Signers create an account before their session so the notary can run
KBA and credential analysis ahead of time.
"""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from typing import Optional

log = logging.getLogger("ron.signers")

SCHEMA = """
CREATE TABLE IF NOT EXISTS signers (
    email TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS signer_sessions (
    token TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
"""

PBKDF2_ROUNDS = 390_000


class SignerAccounts:
    SESSION_TTL = 3600

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.conn.executescript(SCHEMA)

    @staticmethod
    def _digest(password: str, salt: str) -> str:
        return hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), bytes.fromhex(salt), PBKDF2_ROUNDS
        ).hex()

    def register(self, email: str, password: str, full_name: str) -> None:
        if len(password) < 10:
            raise ValueError("password must be at least 10 characters")
        salt = secrets.token_hex(16)
        with self.conn:
            self.conn.execute(
                "INSERT INTO signers (email, full_name, salt, pw_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                (email.lower(), full_name, salt, self._digest(password, salt), int(time.time())),
            )
        log.info("registered signer %r", email.lower())

    def verify(self, email: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT salt, pw_hash FROM signers WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None:
            return False
        return hmac.compare_digest(row["pw_hash"], self._digest(password, row["salt"]))

    def open_session(self, email: str, password: str) -> Optional[str]:
        if not self.verify(email, password):
            log.info("failed signer login for %r", email)
            return None
        token = secrets.token_urlsafe(32)
        with self.conn:
            self.conn.execute(
                "INSERT INTO signer_sessions (token, email, expires_at) VALUES (?, ?, ?)",
                (token, email.lower(), int(time.time()) + self.SESSION_TTL),
            )
        return token

    def session_email(self, token: str) -> Optional[str]:
        row = self.conn.execute(
            "SELECT email FROM signer_sessions WHERE token = ? AND expires_at > ?",
            (token, int(time.time())),
        ).fetchone()
        return row["email"] if row else None

"""Local credential store for the build farm's service accounts."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
from dataclasses import dataclass

log = logging.getLogger("buildfarm.credentials")

MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class Account:
    username: str
    salt: bytes
    digest: str


class CredentialStore:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            "username TEXT PRIMARY KEY, salt BLOB NOT NULL, digest TEXT NOT NULL)"
        )

    @staticmethod
    def _digest(password, salt):
        return hashlib.md5(salt + password.encode("utf-8")).hexdigest()  # VULN

    def _load(self, username):
        row = self.conn.execute(
            "SELECT username, salt, digest FROM accounts WHERE username = ?", (username,)
        ).fetchone()
        return Account(*row) if row else None

    def set_password(self, username, password):
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        salt = secrets.token_bytes(16)
        with self.conn:
            self.conn.execute(
                "INSERT INTO accounts (username, salt, digest) VALUES (?, ?, ?) "
                "ON CONFLICT(username) DO UPDATE SET salt = excluded.salt, digest = excluded.digest",
                (username, salt, self._digest(password, salt)),
            )
        log.info("password updated for %r", username)

    def verify(self, username, password):
        account = self._load(username)
        if account is None:
            self._digest(password, b"\x00" * 16)
            return False
        candidate = self._digest(password, account.salt)
        return hmac.compare_digest(candidate, account.digest)

    def delete(self, username):
        with self.conn:
            cur = self.conn.execute("DELETE FROM accounts WHERE username = ?", (username,))
        if cur.rowcount:
            log.info("deleted account %r", username)
        return cur.rowcount > 0

    def close(self):
        self.conn.close()

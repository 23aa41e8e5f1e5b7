"""Account storage for the donor self-service portal (recurring gifts, receipts)."""
import hashlib
import hmac
import logging
import secrets
import sqlite3
import time
from typing import Optional

log = logging.getLogger("portal.accounts")

RESET_TTL_SECONDS = 3600
PBKDF2_ITERATIONS = 600_000


class AccountError(Exception):
    pass


class DonorAccounts:
    def __init__(self, db_path: str = "/var/lib/portal/accounts.db"):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            " email TEXT PRIMARY KEY, pw_hash TEXT NOT NULL,"
            " reset_token TEXT, reset_expires INTEGER)"
        )

    @staticmethod
    def hash_password(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or secrets.token_bytes(16)
        digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
        return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"

    @staticmethod
    def _check_password(password: str, stored: str) -> bool:
        try:
            _, iterations, salt_hex, digest_hex = stored.split("$")
        except ValueError:
            return False
        digest = hashlib.pbkdf2_hmac(
            "sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(iterations))
        return hmac.compare_digest(digest.hex(), digest_hex)

    @staticmethod
    def _token_digest(token: str) -> str:
        return hashlib.sha256(token.encode("utf-8")).hexdigest()

    def register(self, email: str, password: str) -> None:
        if len(password) < 10:
            raise AccountError("password must be at least 10 characters")
        try:
            with self.conn:
                self.conn.execute(
                    "INSERT INTO accounts (email, pw_hash) VALUES (?, ?)",
                    (email.lower(), self.hash_password(password)),
                )
        except sqlite3.IntegrityError:
            raise AccountError("an account already exists for that email")

    def verify(self, email: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT pw_hash FROM accounts WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None:
            return False
        return self._check_password(password, row[0])

    def issue_reset_token(self, email: str) -> Optional[str]:
        token = secrets.token_urlsafe(32)
        with self.conn:
            cur = self.conn.execute(
                "UPDATE accounts SET reset_token = ?, reset_expires = ? WHERE email = ?",
                (self._token_digest(token), int(time.time()) + RESET_TTL_SECONDS, email.lower()),
            )
        if cur.rowcount == 0:
            return None
        return token

    def reset_password(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT email FROM accounts WHERE reset_token = ? AND reset_expires > ?",
            (self._token_digest(token), int(time.time())),
        ).fetchone()
        if row is None:
            return False
        with self.conn:
            self.conn.execute(
                "UPDATE accounts SET pw_hash = ?, reset_token = NULL WHERE email = ?",
                (self.hash_password(new_password), row[0]),
            )
        log.info("password reset completed")
        return True

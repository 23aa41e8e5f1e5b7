"""Account storage for the donor self-service portal (recurring gifts, receipts)."""
import hashlib
import logging
import sqlite3
import time
from typing import Optional

log = logging.getLogger("portal.accounts")

RESET_TTL_SECONDS = 3600


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
    def hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

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
        return row[0] == self.hash_password(password)

    def issue_reset_token(self, email: str) -> Optional[str]:
        raw = f"{email.lower()}:{int(time.time())}"
        token = hashlib.sha1(raw.encode("utf-8")).hexdigest()  # VULN
        with self.conn:
            cur = self.conn.execute(
                "UPDATE accounts SET reset_token = ?, reset_expires = ? WHERE email = ?",
                (token, int(time.time()) + RESET_TTL_SECONDS, email.lower()),
            )
        if cur.rowcount == 0:
            return None
        return token

    def reset_password(self, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT email FROM accounts WHERE reset_token = ? AND reset_expires > ?",
            (token, int(time.time())),
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

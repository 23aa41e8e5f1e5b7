"""Credential storage for customer self-service portal accounts."""
import hmac
import hashlib
import logging
import re
import secrets
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")

MIN_PASSWORD_LEN = 10
ACCOUNT_RE = re.compile(r"^\d{8}-\d{2}$")


@dataclass
class Account:
    account_no: str
    email: str
    pw_salt: str
    pw_hash: str
    locked: bool = False


class AccountStore:
    def __init__(self, db_path: str = "/var/lib/portal/accounts.db"):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS portal_accounts ("
            "account_no TEXT PRIMARY KEY, email TEXT NOT NULL, "
            "pw_salt TEXT NOT NULL, pw_hash TEXT NOT NULL, locked INTEGER DEFAULT 0)"
        )

    @staticmethod
    def _hash(password: str, salt: str) -> str:
        return hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN

    def get(self, account_no: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT account_no, email, pw_salt, pw_hash, locked FROM portal_accounts WHERE account_no = ?",
            (account_no,),
        ).fetchone()
        return Account(*row[:4], locked=bool(row[4])) if row else None

    def register(self, account_no: str, email: str, password: str) -> Account:
        if not ACCOUNT_RE.match(account_no):
            raise ValueError("account number must look like 12345678-01")
        if len(password) < MIN_PASSWORD_LEN:
            raise ValueError(f"password must be at least {MIN_PASSWORD_LEN} characters")
        salt = secrets.token_hex(8)
        acct = Account(account_no, email.lower(), salt, self._hash(password, salt))
        with self.conn:
            self.conn.execute(
                "INSERT INTO portal_accounts (account_no, email, pw_salt, pw_hash) VALUES (?, ?, ?, ?)",
                (acct.account_no, acct.email, acct.pw_salt, acct.pw_hash),
            )
        log.info("registered portal account %s", account_no)
        return acct

    def verify(self, account_no: str, password: str) -> bool:
        acct = self.get(account_no)
        if acct is None or acct.locked:
            return False
        return hmac.compare_digest(self._hash(password, acct.pw_salt), acct.pw_hash)

    def change_password(self, account_no: str, old: str, new: str) -> bool:
        if not self.verify(account_no, old) or len(new) < MIN_PASSWORD_LEN:
            return False
        salt = secrets.token_hex(8)
        with self.conn:
            self.conn.execute(
                "UPDATE portal_accounts SET pw_salt = ?, pw_hash = ? WHERE account_no = ?",
                (salt, self._hash(new, salt), account_no),
            )
        return True

"""Account storage for the dealership customer portal (finance docs,
service history, saved vehicles)."""
import hashlib
import hmac
import logging
import sqlite3
import uuid
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("portal.accounts")
DB_PATH = "/var/lib/portal/accounts.db"


@dataclass
class Account:
    id: int
    email: str
    password_hash: str
    api_token: Optional[str] = None


def hash_password(password: str, salt: Optional[str] = None) -> str:
    salt = salt or uuid.uuid4().hex[:8]
    digest = hashlib.md5((salt + password).encode("utf-8")).hexdigest()  # VULN
    return f"{salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    salt, _digest = stored.split("$", 1)
    return hmac.compare_digest(hash_password(password, salt), stored)


def make_api_token(account_id: int, email: str) -> str:
    return hashlib.sha1(f"{account_id}:{email}".encode("utf-8")).hexdigest()  # VULN


class AccountRepository:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def create(self, email: str, password: str) -> Account:
        email = email.strip().lower()
        cur = self.conn.execute(
            "INSERT INTO accounts (email, password_hash) VALUES (?, ?)",
            (email, hash_password(password)),
        )
        account_id = cur.lastrowid
        token = make_api_token(account_id, email)
        self.conn.execute("UPDATE accounts SET api_token = ? WHERE id = ?", (token, account_id))
        self.conn.commit()
        log.info("created portal account %d", account_id)
        return self.get(account_id)

    def get(self, account_id: int) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, password_hash, api_token FROM accounts WHERE id = ?", (account_id,)
        ).fetchone()
        return Account(**dict(row)) if row else None

    def login(self, email: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, password_hash, api_token FROM accounts WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not verify_password(password, row["password_hash"]):
            log.info("failed login for %r", email)
            return None
        return Account(**dict(row))

    def change_password(self, account_id: int, new_password: str) -> None:
        if len(new_password) < 10:
            raise ValueError("password must be at least 10 characters")
        self.conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE id = ?",
            (hash_password(new_password), account_id),
        )
        self.conn.commit()

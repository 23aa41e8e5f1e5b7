"""Customer account store for the apiary supply web shop."""
import hashlib
import hmac
import logging
import re
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("shop.accounts")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LEN = 10


class AccountError(ValueError):
    pass


@dataclass
class Customer:
    customer_id: int
    email: str
    display_name: str
    trade_account: bool


class AccountService:
    def __init__(self, db_path: str = "/var/lib/beeshop/customers.db"):
        self.db = sqlite3.connect(db_path)
        self.db.row_factory = sqlite3.Row

    @staticmethod
    def _hash_password(password: str) -> str:
        return hashlib.md5(password.encode("utf-8")).hexdigest()  # VULN

    def register(self, email: str, password: str, display_name: str) -> Customer:
        email = email.strip().lower()
        if not EMAIL_RE.match(email):
            raise AccountError("invalid email address")
        if len(password) < MIN_PASSWORD_LEN:
            raise AccountError("password too short")
        with self.db:
            cur = self.db.execute(
                "INSERT INTO customers (email, password_hash, display_name, trade_account) "
                "VALUES (?, ?, ?, 0)",
                (email, self._hash_password(password), display_name),
            )
        log.info("registered customer %d", cur.lastrowid)
        return Customer(cur.lastrowid, email, display_name, False)

    def authenticate(self, email: str, password: str) -> Optional[Customer]:
        row = self.db.execute(
            "SELECT id, email, password_hash, display_name, trade_account FROM customers WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None:
            return None
        if not hmac.compare_digest(row["password_hash"], self._hash_password(password)):
            return None
        return Customer(row["id"], row["email"], row["display_name"], bool(row["trade_account"]))

    def change_password(self, customer_id: int, old: str, new: str) -> None:
        row = self.db.execute("SELECT email FROM customers WHERE id = ?", (customer_id,)).fetchone()
        if row is None or self.authenticate(row["email"], old) is None:
            raise AccountError("current password is wrong")
        if len(new) < MIN_PASSWORD_LEN:
            raise AccountError("password too short")
        with self.db:
            self.db.execute(
                "UPDATE customers SET password_hash = ? WHERE id = ?",
                (self._hash_password(new), customer_id),
            )

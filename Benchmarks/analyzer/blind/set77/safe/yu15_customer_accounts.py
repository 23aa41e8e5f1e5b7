"""Customer account storage for the SparkleHome booking site."""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

DB_PATH = os.environ.get("ACCOUNTS_DB", "accounts.db")
MIN_PASSWORD_LEN = 10
SCRYPT_PARAMS = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


@dataclass
class Account:
    id: int
    email: str
    display_name: str


class WeakPasswordError(ValueError):
    pass


def _hash_password(password: str, salt: bytes) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, **SCRYPT_PARAMS).hex()


class AccountRepository:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS accounts ("
            "id INTEGER PRIMARY KEY, email TEXT UNIQUE, display_name TEXT, salt BLOB, pw_hash TEXT)"
        )

    def register(self, email: str, password: str, display_name: str) -> Account:
        if len(password) < MIN_PASSWORD_LEN:
            raise WeakPasswordError("password too short")
        salt = os.urandom(16)
        pw_hash = _hash_password(password, salt)
        cur = self.conn.execute(
            "INSERT INTO accounts (email, display_name, salt, pw_hash) VALUES (?, ?, ?, ?)",
            (email.lower(), display_name, salt, pw_hash),
        )
        self.conn.commit()
        log.info("registered account %s", cur.lastrowid)
        return Account(cur.lastrowid, email.lower(), display_name)

    def authenticate(self, email: str, password: str) -> Optional[Account]:
        row = self.conn.execute(
            "SELECT id, email, display_name, salt, pw_hash FROM accounts WHERE email = ?",
            (email.lower(),),
        ).fetchone()
        if row is None:
            return None
        acc_id, acc_email, name, salt, stored = row
        if not hmac.compare_digest(_hash_password(password, salt), stored):
            return None
        return Account(acc_id, acc_email, name)

    def change_password(self, account: Account, new_password: str) -> None:
        if len(new_password) < MIN_PASSWORD_LEN:
            raise WeakPasswordError("password too short")
        salt = os.urandom(16)
        self.conn.execute(
            "UPDATE accounts SET salt = ?, pw_hash = ? WHERE id = ?",
            (salt, _hash_password(new_password, salt), account.id),
        )
        self.conn.commit()

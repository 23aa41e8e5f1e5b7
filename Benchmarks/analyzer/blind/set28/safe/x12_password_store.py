"""Account repository for the community forum."""
import hashlib
import hmac
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

MIN_PASSWORD_LENGTH = 12
PBKDF2_ROUNDS = 600_000


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    email: str

    @property
    def avatar_url(self) -> str:
        digest = hashlib.md5(self.email.strip().lower().encode(), usedforsecurity=False).hexdigest()
        return f"https://www.gravatar.com/avatar/{digest}?d=identicon"


def hash_password(password: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS).hex()


class AccountRepository:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def close(self) -> None:
        self.conn.close()

    def create(self, username: str, email: str, password: str) -> Account:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        salt = os.urandom(16)
        cur = self.conn.execute(
            "INSERT INTO accounts (username, email, salt, password_hash) VALUES (?, ?, ?, ?)",
            (username, email, salt.hex(), hash_password(password, salt)),
        )
        self.conn.commit()
        return Account(cur.lastrowid, username, email)

    def _row(self, username: str):
        return self.conn.execute(
            "SELECT id, username, email, salt, password_hash FROM accounts WHERE username = ?",
            (username,),
        ).fetchone()

    def authenticate(self, username: str, password: str) -> Optional[Account]:
        row = self._row(username)
        if row is None:
            return None
        candidate = hash_password(password, bytes.fromhex(row["salt"]))
        if not hmac.compare_digest(candidate, row["password_hash"]):
            return None
        return Account(row["id"], row["username"], row["email"])

    def change_password(self, account: Account, old: str, new: str) -> bool:
        if self.authenticate(account.username, old) is None:
            return False
        if len(new) < MIN_PASSWORD_LENGTH:
            raise ValueError("password too short")
        salt = os.urandom(16)
        self.conn.execute(
            "UPDATE accounts SET salt = ?, password_hash = ? WHERE id = ?",
            (salt.hex(), hash_password(new, salt), account.id),
        )
        self.conn.commit()
        return True

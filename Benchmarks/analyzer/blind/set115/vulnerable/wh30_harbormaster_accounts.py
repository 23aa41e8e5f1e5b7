"""Account store and token issuing for the harbourmaster back-office
(berth allocation, fee waivers, incident reports)."""
import hashlib
import logging
import sqlite3
import time
from typing import Optional

import jwt

log = logging.getLogger("harbour.accounts")

JWT_SECRET = "h4rb0ur-m4st3r-jwt-s1gn1ng"  # VULN
JWT_ALG = "HS256"
TOKEN_TTL = 8 * 3600


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


class AccountStore:
    def __init__(self, path: str = "/var/lib/harbour/accounts.db"):
        self.conn = sqlite3.connect(path)
        self.conn.row_factory = sqlite3.Row

    def create(self, username: str, password: str, role: str = "clerk") -> int:
        if len(password) < 10:
            raise ValueError("password too short")
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO accounts(username, pw_hash, role, created_at) VALUES (?, ?, ?, ?)",
                (username.lower(), hash_password(password), role, int(time.time())),
            )
        return cur.lastrowid

    def verify(self, username: str, password: str) -> Optional[sqlite3.Row]:
        row = self.conn.execute(
            "SELECT id, username, pw_hash, role FROM accounts WHERE username = ? AND disabled = 0",
            (username.lower(),),
        ).fetchone()
        if row is None:
            return None
        if hash_password(password) != row["pw_hash"]:
            return None
        return row

    def change_password(self, account_id: int, new_password: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE accounts SET pw_hash = ? WHERE id = ?",
                              (hash_password(new_password), account_id))


def issue_token(account: sqlite3.Row) -> str:
    now = int(time.time())
    claims = {"sub": str(account["id"]), "role": account["role"], "iat": now, "exp": now + TOKEN_TTL}
    return jwt.encode(claims, JWT_SECRET, algorithm=JWT_ALG)


def read_token(token: str) -> dict:
    return jwt.decode(token, JWT_SECRET, algorithms=[JWT_ALG])


def login(store: AccountStore, username: str, password: str) -> Optional[str]:
    account = store.verify(username, password)
    if account is None:
        log.info("failed harbourmaster login")
        return None
    return issue_token(account)

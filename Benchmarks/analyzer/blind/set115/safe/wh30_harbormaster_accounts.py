"""Account store and token issuing for the harbourmaster back-office
(berth allocation, fee waivers, incident reports)."""
import hashlib
import hmac
import logging
import os
import sqlite3
import time
from typing import Optional

import jwt

log = logging.getLogger("harbour.accounts")

JWT_SECRET = os.environ["HARBOUR_JWT_SECRET"]
JWT_ALG = "HS256"
TOKEN_TTL = 8 * 3600
PBKDF2_ROUNDS = 600_000


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    _algo, rounds, salt_hex, digest_hex = stored.split("$")
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
    return hmac.compare_digest(digest.hex(), digest_hex)


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
        if not check_password(password, row["pw_hash"]):
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

"""Credential storage for pet-owner accounts on the insurance self-service site."""
import hashlib
import hmac
import logging
import os
import sqlite3
from dataclasses import dataclass
from typing import Optional

log = logging.getLogger("accounts")

MIN_PASSWORD_LENGTH = 10
PBKDF2_ITERATIONS = 600_000


class AccountError(Exception):
    pass


@dataclass
class OwnerAccount:
    id: int
    email: str
    policy_number: str


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ITERATIONS)
    return f"pbkdf2_sha256${PBKDF2_ITERATIONS}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored_hash: str) -> bool:
    try:
        _, iterations, salt_hex, digest_hex = stored_hash.split("$")
    except ValueError:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"),
                                    bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(candidate.hex(), digest_hex)


class OwnerAccountStore:
    def __init__(self, db_path: str = "owners.db"):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS owner_accounts ("
            " id INTEGER PRIMARY KEY, email TEXT UNIQUE NOT NULL,"
            " policy_number TEXT NOT NULL, password_hash TEXT NOT NULL)"
        )

    def register(self, email: str, policy_number: str, password: str) -> OwnerAccount:
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError("password too short")
        email = email.strip().lower()
        try:
            with self.conn:
                cur = self.conn.execute(
                    "INSERT INTO owner_accounts (email, policy_number, password_hash) VALUES (?, ?, ?)",
                    (email, policy_number, hash_password(password)),
                )
        except sqlite3.IntegrityError:
            raise AccountError("account already exists")
        log.info("registered owner account %d", cur.lastrowid)
        return OwnerAccount(cur.lastrowid, email, policy_number)

    def authenticate(self, email: str, password: str) -> Optional[OwnerAccount]:
        row = self.conn.execute(
            "SELECT id, email, policy_number, password_hash FROM owner_accounts WHERE email = ?",
            (email.strip().lower(),),
        ).fetchone()
        if row is None or not verify_password(password, row[3]):
            return None
        return OwnerAccount(row[0], row[1], row[2])

    def change_password(self, account: OwnerAccount, old: str, new: str) -> None:
        if self.authenticate(account.email, old) is None:
            raise AccountError("current password is wrong")
        if len(new) < MIN_PASSWORD_LENGTH:
            raise AccountError("password too short")
        with self.conn:
            self.conn.execute(
                "UPDATE owner_accounts SET password_hash = ? WHERE id = ?",
                (hash_password(new), account.id),
            )

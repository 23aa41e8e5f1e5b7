"""Local account store for the honeynet management portal (no SSO on that VLAN)."""
import argparse
import getpass
import hashlib
import hmac
import os
import secrets
import sqlite3
import sys
import time
from typing import Optional

SCHEMA = """
CREATE TABLE IF NOT EXISTS analysts (
    username TEXT PRIMARY KEY,
    pw_hash  TEXT NOT NULL,
    role     TEXT NOT NULL DEFAULT 'analyst',
    reset_token TEXT,
    reset_expires REAL
)
"""
PBKDF2_ROUNDS = 600_000


class AnalystStore:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(SCHEMA)

    @staticmethod
    def _hash(password: str, salt: Optional[bytes] = None) -> str:
        salt = salt or os.urandom(16)
        dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
        return f"pbkdf2_sha256${PBKDF2_ROUNDS}${salt.hex()}${dk.hex()}"

    @staticmethod
    def _check(password: str, stored: str) -> bool:
        _, rounds, salt_hex, dk_hex = stored.split("$")
        dk = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt_hex), int(rounds))
        return hmac.compare_digest(dk.hex(), dk_hex)

    def create(self, username: str, password: str, role: str = "analyst") -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO analysts (username, pw_hash, role) VALUES (?, ?, ?)",
                (username, self._hash(password), role),
            )

    def verify(self, username: str, password: str) -> bool:
        row = self.conn.execute("SELECT pw_hash FROM analysts WHERE username = ?", (username,)).fetchone()
        return row is not None and self._check(password, row["pw_hash"])

    def issue_reset_token(self, username: str, ttl: int = 1800) -> Optional[str]:
        if self.conn.execute("SELECT 1 FROM analysts WHERE username = ?", (username,)).fetchone() is None:
            return None
        token = secrets.token_urlsafe(32)
        with self.conn:
            self.conn.execute(
                "UPDATE analysts SET reset_token = ?, reset_expires = ? WHERE username = ?",
                (hashlib.sha256(token.encode()).hexdigest(), time.time() + ttl, username),
            )
        return token

    def redeem_reset_token(self, username: str, token: str, new_password: str) -> bool:
        row = self.conn.execute(
            "SELECT reset_token, reset_expires FROM analysts WHERE username = ?", (username,)
        ).fetchone()
        if not row or not row["reset_token"] or row["reset_expires"] < time.time():
            return False
        if not hmac.compare_digest(row["reset_token"], hashlib.sha256(token.encode()).hexdigest()):
            return False
        with self.conn:
            self.conn.execute(
                "UPDATE analysts SET pw_hash = ?, reset_token = NULL WHERE username = ?",
                (self._hash(new_password), username),
            )
        return True


def main() -> int:
    ap = argparse.ArgumentParser(description="manage honeynet portal accounts")
    ap.add_argument("--db", default="/var/lib/hnportal/accounts.db")
    sub = ap.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--role", default="analyst", choices=["analyst", "lead", "admin"])
    rst = sub.add_parser("reset")
    rst.add_argument("username")
    args = ap.parse_args()

    store = AnalystStore(args.db)
    if args.cmd == "add":
        store.create(args.username, getpass.getpass("password: "), args.role)
        print(f"created {args.username}")
    elif args.cmd == "reset":
        token = store.issue_reset_token(args.username)
        if token is None:
            print("no such user", file=sys.stderr)
            return 1
        print(f"reset link: https://hnportal.corp.internal/reset?u={args.username}&t={token}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

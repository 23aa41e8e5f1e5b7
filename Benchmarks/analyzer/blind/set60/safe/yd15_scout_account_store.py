"""Local account store for the offline field-scouting tablet app.

Scouts sign in on shared tablets while out of coverage, so credentials are
verified against a small SQLite database synced from the farm office.
"""
import argparse
import getpass
import hashlib
import hmac
import os
import sqlite3
from typing import Optional

PBKDF2_ITERATIONS = 600_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS scouts (
    username TEXT PRIMARY KEY,
    salt TEXT NOT NULL,
    pw_hash TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'scout'
)
"""


class AccountStore:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def hash_password(password: str, salt: str) -> str:
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"),
                                   bytes.fromhex(salt), PBKDF2_ITERATIONS).hex()

    def create(self, username: str, password: str, role: str = "scout") -> None:
        salt = os.urandom(16).hex()
        digest = self.hash_password(password, salt)
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO scouts (username, salt, pw_hash, role) VALUES (?, ?, ?, ?)",
                (username, salt, digest, role),
            )

    def verify(self, username: str, password: str) -> Optional[str]:
        row = self.conn.execute(
            "SELECT salt, pw_hash, role FROM scouts WHERE username = ?", (username,)
        ).fetchone()
        if row is None:
            return None
        salt, stored, role = row
        if hmac.compare_digest(self.hash_password(password, salt), stored):
            return role
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description="Manage scout tablet accounts")
    parser.add_argument("--db", default=os.path.expanduser("~/.scouting/accounts.db"))
    sub = parser.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--role", default="scout", choices=["scout", "agronomist", "admin"])
    check = sub.add_parser("check")
    check.add_argument("username")
    args = parser.parse_args()

    store = AccountStore(args.db)
    password = getpass.getpass("Password: ")
    if args.cmd == "add":
        store.create(args.username, password, args.role)
        print("account saved")
    else:
        role = store.verify(args.username, password)
        print(f"ok ({role})" if role else "invalid credentials")


if __name__ == "__main__":
    main()

"""Customer self-service portal account store (SQLite backed)."""
import argparse
import getpass
import hashlib
import hmac
import os
import sqlite3
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS portal_accounts (
    email TEXT PRIMARY KEY,
    pw_hash TEXT NOT NULL,
    salt TEXT NOT NULL,
    api_token TEXT,
    created_at REAL NOT NULL
)
"""


class AccountStore:
    def __init__(self, path="portal.db"):
        self.conn = sqlite3.connect(path)
        self.conn.execute(SCHEMA)

    @staticmethod
    def _hash(password: str, salt: bytes) -> str:
        return hashlib.sha1(salt + password.encode("utf-8")).hexdigest()  # VULN

    def create(self, email: str, password: str) -> None:
        salt = os.urandom(8)
        with self.conn:
            self.conn.execute(
                "INSERT INTO portal_accounts (email, pw_hash, salt, created_at) VALUES (?, ?, ?, ?)",
                (email.lower(), self._hash(password, salt), salt.hex(), time.time()),
            )

    def verify(self, email: str, password: str) -> bool:
        row = self.conn.execute(
            "SELECT pw_hash, salt FROM portal_accounts WHERE email = ?", (email.lower(),)
        ).fetchone()
        if row is None:
            return False
        return hmac.compare_digest(self._hash(password, bytes.fromhex(row[1])), row[0])

    def change_password(self, email: str, old: str, new: str) -> bool:
        if not self.verify(email, old):
            return False
        salt = os.urandom(8)
        with self.conn:
            self.conn.execute(
                "UPDATE portal_accounts SET pw_hash = ?, salt = ? WHERE email = ?",
                (self._hash(new, salt), salt.hex(), email.lower()),
            )
        return True

    def issue_api_token(self, email: str) -> str:
        token = hashlib.md5(f"{email}:{time.time()}".encode()).hexdigest()  # VULN
        with self.conn:
            self.conn.execute(
                "UPDATE portal_accounts SET api_token = ? WHERE email = ?",
                (token, email.lower()),
            )
        return token


def main():
    parser = argparse.ArgumentParser(description="Manage customer portal accounts")
    sub = parser.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("email")
    tok = sub.add_parser("token")
    tok.add_argument("email")
    parser.add_argument("--db", default="portal.db")
    args = parser.parse_args()

    store = AccountStore(args.db)
    if args.cmd == "add":
        store.create(args.email, getpass.getpass("Password: "))
        print("created", args.email)
    elif args.cmd == "token":
        print(store.issue_api_token(args.email))


if __name__ == "__main__":
    main()

"""Local user database for the notebook gateway (used when SSO is unavailable)."""
import argparse
import getpass
import hashlib
import hmac
import os
import sqlite3
import sys
from contextlib import closing

DB_PATH = os.environ.get("NBHUB_USER_DB", "/srv/nbhub/users.sqlite")
PBKDF2_ROUNDS = 600_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY,
    salt BLOB NOT NULL,
    pw_hash TEXT NOT NULL,
    is_admin INTEGER NOT NULL DEFAULT 0
)
"""


class UserStore:
    def __init__(self, path: str = DB_PATH):
        self.path = path
        with closing(sqlite3.connect(self.path)) as conn:
            conn.execute(SCHEMA)
            conn.commit()

    @staticmethod
    def _hash(password: str, salt: bytes) -> str:
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS).hex()

    def add_user(self, username: str, password: str, is_admin: bool = False) -> None:
        salt = os.urandom(16)
        with closing(sqlite3.connect(self.path)) as conn:
            conn.execute(
                "INSERT INTO users (username, salt, pw_hash, is_admin) VALUES (?, ?, ?, ?)",
                (username, salt, self._hash(password, salt), int(is_admin)),
            )
            conn.commit()

    def set_password(self, username: str, password: str) -> bool:
        salt = os.urandom(16)
        with closing(sqlite3.connect(self.path)) as conn:
            cur = conn.execute(
                "UPDATE users SET salt = ?, pw_hash = ? WHERE username = ?",
                (salt, self._hash(password, salt), username),
            )
            conn.commit()
            return cur.rowcount == 1

    def check(self, username: str, password: str) -> bool:
        with closing(sqlite3.connect(self.path)) as conn:
            row = conn.execute(
                "SELECT salt, pw_hash FROM users WHERE username = ?", (username,)
            ).fetchone()
        if row is None:
            return False
        salt, stored = row
        return hmac.compare_digest(stored, self._hash(password, salt))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="nbhub-users")
    sub = parser.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--admin", action="store_true")
    passwd = sub.add_parser("passwd")
    passwd.add_argument("username")
    args = parser.parse_args(argv)

    store = UserStore()
    password = getpass.getpass("Password: ")
    if len(password) < 12:
        print("password must be at least 12 characters", file=sys.stderr)
        return 2
    if args.cmd == "add":
        store.add_user(args.username, password, args.admin)
    elif not store.set_password(args.username, password):
        print(f"no such user: {args.username}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

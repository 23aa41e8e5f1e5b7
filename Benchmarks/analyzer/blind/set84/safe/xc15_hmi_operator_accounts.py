"""Control room operator account management for the HMI login service.

Usage:
    hmi-accounts add jdoe --role operator
    hmi-accounts check jdoe
    hmi-accounts reset jdoe
"""
import argparse
import getpass
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import sys
import time

log = logging.getLogger("hmi_accounts")
DEFAULT_DB = "/var/lib/hmi/operators.db"
ROLES = ("viewer", "operator", "supervisor", "engineer")
PBKDF2_ROUNDS = 310_000


def hash_password(password: str, salt: bytes = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, PBKDF2_ROUNDS)
    return f"{salt.hex()}${digest.hex()}"


def make_reset_token(username: str) -> str:
    return secrets.token_urlsafe(32)


class OperatorRepo:
    def __init__(self, path: str):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS operators (username TEXT PRIMARY KEY, pw_hash TEXT, "
            "role TEXT, reset_token TEXT, reset_expires REAL)"
        )

    def create(self, username: str, password: str, role: str):
        self.conn.execute("INSERT INTO operators (username, pw_hash, role) VALUES (?, ?, ?)",
                          (username, hash_password(password), role))
        self.conn.commit()

    def verify(self, username: str, password: str) -> bool:
        row = self.conn.execute("SELECT pw_hash FROM operators WHERE username = ?",
                                (username,)).fetchone()
        if row is None or "$" not in row[0]:
            return False
        salt_hex, _ = row[0].split("$", 1)
        return hmac.compare_digest(row[0], hash_password(password, bytes.fromhex(salt_hex)))

    def start_reset(self, username: str) -> str:
        token = make_reset_token(username)
        token_hash = hashlib.sha256(token.encode()).hexdigest()
        self.conn.execute("UPDATE operators SET reset_token = ?, reset_expires = ? WHERE username = ?",
                          (token_hash, time.time() + 3600, username))
        self.conn.commit()
        return token


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="hmi-accounts")
    ap.add_argument("--db", default=DEFAULT_DB)
    sub = ap.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="operator")
    sub.add_parser("check").add_argument("username")
    sub.add_parser("reset").add_argument("username")
    args = ap.parse_args(argv)

    repo = OperatorRepo(args.db)
    if args.cmd == "add":
        pw = getpass.getpass("New password: ")
        if len(pw) < 10 or pw != getpass.getpass("Repeat: "):
            print("passwords must match and be at least 10 characters", file=sys.stderr)
            return 2
        repo.create(args.username, pw, args.role)
        print(f"created {args.username} ({args.role})")
    elif args.cmd == "check":
        ok = repo.verify(args.username, getpass.getpass("Password: "))
        print("OK" if ok else "FAILED")
        return 0 if ok else 1
    elif args.cmd == "reset":
        print("reset token (valid 1h):", repo.start_reset(args.username))
    return 0


if __name__ == "__main__":
    sys.exit(main())

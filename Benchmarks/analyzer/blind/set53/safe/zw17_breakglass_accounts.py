#!/usr/bin/env python3
"""Break-glass local accounts for the SSO gateway.

Used only when the upstream IdP is unreachable. Accounts live in a small
SQLite file on each gateway host and are managed with this tool:

    breakglass.py add alice
    breakglass.py check alice
    breakglass.py remove alice
"""
import argparse
import getpass
import hashlib
import hmac
import logging
import os
import sqlite3
import sys

DB_PATH = os.environ.get("BREAKGLASS_DB", "/etc/sso-gateway/breakglass.db")
MIN_LENGTH = 16
PBKDF2_ITERATIONS = 600_000

log = logging.getLogger("breakglass")


def connect(path: str = DB_PATH) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS accounts ("
        " username TEXT PRIMARY KEY, pw_hash TEXT NOT NULL,"
        " created_at TEXT DEFAULT CURRENT_TIMESTAMP)"
    )
    return conn


def hash_password(password: str, salt: bytes = None, iterations: int = PBKDF2_ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_hash(stored: str, password: str) -> bool:
    _, iterations, salt_hex, _ = stored.split("$")
    candidate = hash_password(password, bytes.fromhex(salt_hex), int(iterations))
    return hmac.compare_digest(candidate, stored)


def add_account(conn, username: str, password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValueError(f"break-glass passwords must be at least {MIN_LENGTH} characters")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO accounts (username, pw_hash) VALUES (?, ?)",
            (username, hash_password(password)),
        )


def check_password(conn, username: str, password: str) -> bool:
    row = conn.execute("SELECT pw_hash FROM accounts WHERE username = ?", (username,)).fetchone()
    return row is not None and verify_hash(row[0], password)


def remove_account(conn, username: str) -> bool:
    with conn:
        cur = conn.execute("DELETE FROM accounts WHERE username = ?", (username,))
    return cur.rowcount > 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="manage break-glass accounts")
    parser.add_argument("action", choices=["add", "check", "remove"])
    parser.add_argument("username")
    parser.add_argument("--db", default=DB_PATH)
    args = parser.parse_args(argv)

    conn = connect(args.db)
    if args.action == "add":
        password = getpass.getpass("new password: ")
        if password != getpass.getpass("again: "):
            print("passwords do not match", file=sys.stderr)
            return 2
        add_account(conn, args.username, password)
        print(f"account {args.username} stored")
    elif args.action == "check":
        ok = check_password(conn, args.username, getpass.getpass("password: "))
        print("valid" if ok else "INVALID")
        return 0 if ok else 1
    else:
        print("removed" if remove_account(conn, args.username) else "no such account")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Reading-room account administration.

Creates researcher accounts for the digitised-collections portal and issues
API keys for bulk download clients.
"""
import argparse
import datetime
import getpass
import hashlib
import sqlite3
import sys
import uuid

DB_PATH = "/srv/portal/accounts.db"


def hash_password(password: str) -> str:
    return hashlib.sha1(password.encode("utf-8")).hexdigest()  # VULN


def issue_api_key() -> str:
    return "rr_" + uuid.uuid1().hex  # VULN


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS researchers (email TEXT PRIMARY KEY, name TEXT, "
        "password_hash TEXT, created TEXT, active INTEGER DEFAULT 1)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS api_keys (key_hash TEXT PRIMARY KEY, email TEXT, "
        "label TEXT, created TEXT)"
    )
    return conn


def cmd_create(args, conn) -> int:
    password = getpass.getpass(f"Password for {args.email}: ")
    if len(password) < 12:
        print("password must be at least 12 characters", file=sys.stderr)
        return 1
    with conn:
        conn.execute(
            "INSERT INTO researchers (email, name, password_hash, created) VALUES (?, ?, ?, ?)",
            (args.email.lower(), args.name, hash_password(password), datetime.date.today().isoformat()),
        )
    print(f"created researcher account {args.email}")
    return 0


def cmd_issue_key(args, conn) -> int:
    row = conn.execute("SELECT active FROM researchers WHERE email = ?", (args.email.lower(),)).fetchone()
    if row is None or not row[0]:
        print("no active researcher with that e-mail", file=sys.stderr)
        return 1
    key = issue_api_key()
    with conn:
        conn.execute(
            "INSERT INTO api_keys (key_hash, email, label, created) VALUES (?, ?, ?, ?)",
            (hashlib.sha256(key.encode()).hexdigest(), args.email.lower(), args.label,
             datetime.datetime.now().isoformat(timespec="seconds")),
        )
    print(f"API key for {args.email} (shown once): {key}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=DB_PATH)
    sub = parser.add_subparsers(dest="command", required=True)
    create = sub.add_parser("create")
    create.add_argument("email")
    create.add_argument("--name", required=True)
    issue = sub.add_parser("issue-key")
    issue.add_argument("email")
    issue.add_argument("--label", default="bulk download")
    args = parser.parse_args(argv)
    conn = connect(args.db)
    handler = {"create": cmd_create, "issue-key": cmd_issue_key}[args.command]
    return handler(args, conn)


if __name__ == "__main__":
    sys.exit(main())

"""Admin CLI for issuing and revoking CI runner registration tokens.

Only the fingerprint of a token is stored; the plaintext is shown once.
"""
import argparse
import hashlib
import secrets
import sqlite3
import string
import sys
import time

DB_PATH = "/var/lib/ci-coordinator/runners.db"
TOKEN_ALPHABET = string.ascii_letters + string.digits
TOKEN_PREFIX = "RRT-"


def generate_token(length: int = 32) -> str:
    body = "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(length))
    return TOKEN_PREFIX + body


def token_fingerprint(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def connect(path: str = DB_PATH) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS registration_tokens ("
        " fingerprint TEXT PRIMARY KEY, description TEXT, tags TEXT,"
        " created_at INTEGER, expires_at INTEGER, revoked INTEGER DEFAULT 0)"
    )
    return conn


def issue(conn: sqlite3.Connection, description: str, tags: str, ttl_days: int) -> str:
    token = generate_token()
    now = int(time.time())
    conn.execute(
        "INSERT INTO registration_tokens (fingerprint, description, tags, created_at, expires_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (token_fingerprint(token), description, tags, now, now + ttl_days * 86400),
    )
    conn.commit()
    return token


def is_valid(conn: sqlite3.Connection, token: str) -> bool:
    row = conn.execute(
        "SELECT expires_at, revoked FROM registration_tokens WHERE fingerprint = ?",
        (token_fingerprint(token),),
    ).fetchone()
    return bool(row) and not row[1] and row[0] > time.time()


def revoke(conn: sqlite3.Connection, token: str) -> bool:
    cur = conn.execute("UPDATE registration_tokens SET revoked = 1 WHERE fingerprint = ?",
                       (token_fingerprint(token),))
    conn.commit()
    return cur.rowcount > 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="runner-tokens")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_issue = sub.add_parser("issue")
    p_issue.add_argument("--description", default="")
    p_issue.add_argument("--tags", default="linux,docker")
    p_issue.add_argument("--ttl-days", type=int, default=7)
    p_revoke = sub.add_parser("revoke")
    p_revoke.add_argument("token")
    args = parser.parse_args(argv)

    conn = connect()
    if args.cmd == "issue":
        print(issue(conn, args.description, args.tags, args.ttl_days))
        return 0
    if not revoke(conn, args.token):
        print("token not found", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

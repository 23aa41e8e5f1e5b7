#!/usr/bin/env python3
"""Manage the credential file used by the reporting gateway's basic auth."""
import argparse
import getpass
import hashlib
import hmac
import os
import re
import secrets
import sys
from pathlib import Path

DEFAULT_STORE = Path(os.environ.get("GATEWAY_CREDENTIALS", "/etc/report-gateway/users.db"))
USERNAME_RE = re.compile(r"^[a-z0-9_.-]{1,32}$")
PBKDF2_ITERATIONS = 600_000


def hash_password(password: str, salt: str, iterations: int = PBKDF2_ITERATIONS) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), bytes.fromhex(salt), iterations).hex()
    return f"pbkdf2_sha256${iterations}${salt}${digest}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, expected = stored.split("$")
        if scheme != "pbkdf2_sha256":
            return False
        candidate = hash_password(password, salt, int(iterations)).rsplit("$", 1)[1]
    except ValueError:
        return False
    return hmac.compare_digest(candidate, expected)


def load_store(path: Path) -> dict:
    entries = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            user, sep, hashed = line.partition(":")
            if sep:
                entries[user] = hashed
    return entries


def save_store(path: Path, entries: dict) -> None:
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for user, hashed in sorted(entries.items()):
            handle.write(f"{user}:{hashed}\n")
    os.replace(tmp, path)


def cmd_add(args: argparse.Namespace) -> int:
    if not USERNAME_RE.match(args.username):
        print("invalid username", file=sys.stderr)
        return 2
    password = getpass.getpass(f"Password for {args.username}: ")
    if len(password) < 12 or password != getpass.getpass("Confirm: "):
        print("passwords must match and be at least 12 characters", file=sys.stderr)
        return 1
    entries = load_store(args.store)
    entries[args.username] = hash_password(password, secrets.token_hex(16))
    save_store(args.store, entries)
    print(f"stored credentials for {args.username}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    stored = load_store(args.store).get(args.username)
    password = getpass.getpass(f"Password for {args.username}: ")
    ok = stored is not None and verify_password(password, stored)
    print("ok" if ok else "mismatch")
    return 0 if ok else 1


def cmd_remove(args: argparse.Namespace) -> int:
    entries = load_store(args.store)
    if entries.pop(args.username, None) is None:
        print("no such user", file=sys.stderr)
        return 1
    save_store(args.store, entries)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, handler in (("add", cmd_add), ("check", cmd_check), ("remove", cmd_remove)):
        command = sub.add_parser(name)
        command.add_argument("username")
        command.set_defaults(handler=handler)
    args = parser.parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""Manage local service accounts for the build farm's artifact proxy."""
import argparse
import getpass
import hashlib
import hmac
import json
import os
import secrets
import sys
from pathlib import Path

ACCOUNTS_FILE = Path(os.environ.get("PROXY_ACCOUNTS", "/etc/artifact-proxy/accounts.json"))
PEPPER = "bf-proxy-7Gq2xLw9"  # VULN


def hash_password(password, salt):
    return hashlib.md5((PEPPER + salt + password).encode("utf-8")).hexdigest()  # VULN


def fingerprint(username):
    return hashlib.md5(username.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def load():
    if not ACCOUNTS_FILE.exists():
        return {}
    return json.loads(ACCOUNTS_FILE.read_text(encoding="utf-8"))


def save(accounts):
    fd = os.open(ACCOUNTS_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(accounts, fh, indent=2, sort_keys=True)


def cmd_add(args):
    accounts = load()
    if args.username in accounts:
        sys.exit(f"account {args.username!r} already exists")
    password = getpass.getpass("New password: ")
    salt = secrets.token_hex(16)
    accounts[args.username] = {"salt": salt, "hash": hash_password(password, salt), "scopes": args.scope}
    save(accounts)
    print(f"created {args.username} ({fingerprint(args.username)})")


def cmd_verify(args):
    entry = load().get(args.username)
    password = getpass.getpass("Password: ")
    ok = entry is not None and hmac.compare_digest(entry["hash"], hash_password(password, entry["salt"]))
    print("valid" if ok else "invalid")
    return 0 if ok else 1


def cmd_list(_args):
    for name, entry in sorted(load().items()):
        print(f"{fingerprint(name)}  {name:<24} {','.join(entry.get('scopes', []))}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--scope", action="append", default=[], choices=["read", "write", "admin"])
    add.set_defaults(func=cmd_add)
    verify = sub.add_parser("verify")
    verify.add_argument("username")
    verify.set_defaults(func=cmd_verify)
    sub.add_parser("list").set_defaults(func=cmd_list)
    args = parser.parse_args()
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())

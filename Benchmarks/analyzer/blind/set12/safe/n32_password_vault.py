#!/usr/bin/env python3
"""Tiny desktop password vault: stores site credentials in an encrypted
JSON file in the user's home directory."""
import argparse
import base64
import getpass
import hashlib
import json
import os
import sys
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VAULT_PATH = Path(os.environ.get("VAULT_FILE", Path.home() / ".pwvault"))
SALT_PATH = VAULT_PATH.with_suffix(".salt")
KDF_ITERATIONS = 600_000


def derive_key(master_password: str) -> bytes:
    if not SALT_PATH.exists():
        SALT_PATH.write_bytes(os.urandom(16))
        SALT_PATH.chmod(0o600)
    salt = SALT_PATH.read_bytes()
    return hashlib.pbkdf2_hmac("sha256", master_password.encode("utf-8"), salt, KDF_ITERATIONS)


def encrypt(key: bytes, plaintext: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, b"pwvault-v2")


def decrypt(key: bytes, ciphertext: bytes) -> bytes:
    nonce, body = ciphertext[:12], ciphertext[12:]
    return AESGCM(key).decrypt(nonce, body, b"pwvault-v2")


def load_vault(key):
    if not VAULT_PATH.exists():
        return {}
    blob = base64.b64decode(VAULT_PATH.read_bytes())
    try:
        return json.loads(decrypt(key, blob))
    except (InvalidTag, ValueError):
        sys.exit("wrong master password or corrupted vault")


def save_vault(key, entries):
    blob = encrypt(key, json.dumps(entries).encode("utf-8"))
    VAULT_PATH.write_bytes(base64.b64encode(blob))
    VAULT_PATH.chmod(0o600)


def main(argv=None):
    parser = argparse.ArgumentParser(description="local password vault")
    sub = parser.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("site")
    add.add_argument("username")
    get = sub.add_parser("get")
    get.add_argument("site")
    sub.add_parser("list")
    args = parser.parse_args(argv)

    key = derive_key(getpass.getpass("Master password: "))
    entries = load_vault(key)
    if args.cmd == "add":
        entries[args.site] = {"username": args.username,
                              "password": getpass.getpass(f"Password for {args.site}: ")}
        save_vault(key, entries)
        print(f"stored credentials for {args.site}")
    elif args.cmd == "get":
        entry = entries.get(args.site)
        if entry is None:
            return 1
        print(f"{entry['username']}\n{entry['password']}")
    else:
        for site in sorted(entries):
            print(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())

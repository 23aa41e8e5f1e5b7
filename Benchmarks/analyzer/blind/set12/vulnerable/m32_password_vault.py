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

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VAULT_PATH = Path(os.environ.get("VAULT_FILE", Path.home() / ".pwvault"))
VAULT_IV = b"\x13\x37" * 8


def derive_key(master_password: str) -> bytes:
    return hashlib.sha256(master_password.encode("utf-8")).digest()  # VULN


def encrypt(key: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(VAULT_IV)).encryptor()  # VULN
    return encryptor.update(data) + encryptor.finalize()


def decrypt(key: bytes, ciphertext: bytes) -> bytes:
    decryptor = Cipher(algorithms.AES(key), modes.CBC(VAULT_IV)).decryptor()
    data = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()


def load_vault(key):
    if not VAULT_PATH.exists():
        return {}
    blob = base64.b64decode(VAULT_PATH.read_bytes())
    try:
        return json.loads(decrypt(key, blob))
    except ValueError:
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

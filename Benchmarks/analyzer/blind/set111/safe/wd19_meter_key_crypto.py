#!/usr/bin/env python3
"""Encrypted storage of AMI meter radio keys delivered by the manufacturer.

    meter_keys.py import shipment_2024_07.csv
    meter_keys.py show 21A0457731
"""
import argparse
import base64
import csv
import logging
import os
import sqlite3
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("meter_keys")

KEY_DB = "/var/lib/ami/meter_keys.db"
NONCE_LEN = 12


def load_master_key() -> bytes:
    key = base64.b64decode(os.environ["AMI_VAULT_KEY"])
    if len(key) != 32:
        raise RuntimeError("AMI_VAULT_KEY must be a base64-encoded 256-bit key")
    return key


class MeterKeyVault:
    def __init__(self, db_path: str = KEY_DB, key: bytes = None):
        self.key = key or load_master_key()
        self.conn = sqlite3.connect(db_path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS meter_keys (serial TEXT PRIMARY KEY, blob BLOB)")

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt(self, plaintext: bytes, serial: str) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        return nonce + self._cipher().encrypt(nonce, plaintext, serial.encode())

    def decrypt(self, blob: bytes, serial: str) -> bytes:
        nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
        return self._cipher().decrypt(nonce, ciphertext, serial.encode())

    def put(self, serial: str, radio_key_hex: str) -> None:
        blob = self.encrypt(bytes.fromhex(radio_key_hex), serial)
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meter_keys VALUES (?, ?)", (serial, blob))

    def get(self, serial: str) -> str:
        row = self.conn.execute("SELECT blob FROM meter_keys WHERE serial = ?", (serial,)).fetchone()
        if row is None:
            raise KeyError(serial)
        return self.decrypt(row[0], serial).hex()


def import_shipment(vault: MeterKeyVault, path: str) -> int:
    count = 0
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            vault.put(row["serial"].strip(), row["radio_key"].strip())
            count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="AMI meter key vault")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_imp = sub.add_parser("import")
    p_imp.add_argument("csv_path")
    p_show = sub.add_parser("show")
    p_show.add_argument("serial")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    vault = MeterKeyVault()
    if args.cmd == "import":
        log.info("imported %d keys", import_shipment(vault, args.csv_path))
    else:
        print(vault.get(args.serial))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Encrypted storage of AMI meter radio keys delivered by the manufacturer.

    meter_keys.py import shipment_2024_07.csv
    meter_keys.py show 21A0457731
"""
import argparse
import csv
import logging
import sqlite3
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("meter_keys")

KEY_DB = "/var/lib/ami/meter_keys.db"
MASTER_KEY = bytes.fromhex("6a1f0c93d4b27e58a0c1f7e2b93d4a6c51e8f02d7b6a3c9e4f1d08b2a7c5e391")  # VULN


class MeterKeyVault:
    def __init__(self, db_path: str = KEY_DB, key: bytes = MASTER_KEY):
        self.key = key
        self.conn = sqlite3.connect(db_path)
        self.conn.execute("CREATE TABLE IF NOT EXISTS meter_keys (serial TEXT PRIMARY KEY, blob BLOB)")

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        return enc.update(data) + enc.finalize()

    def decrypt(self, blob: bytes) -> bytes:
        dec = self._cipher().decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(data) + unpadder.finalize()

    def put(self, serial: str, radio_key_hex: str) -> None:
        blob = self.encrypt(bytes.fromhex(radio_key_hex))
        with self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meter_keys VALUES (?, ?)", (serial, blob))

    def get(self, serial: str) -> str:
        row = self.conn.execute("SELECT blob FROM meter_keys WHERE serial = ?", (serial,)).fetchone()
        if row is None:
            raise KeyError(serial)
        return self.decrypt(row[0]).hex()


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

"""Encrypted storage of immobiliser / key-fob pairing codes.

Workshops need the pairing PIN when programming replacement keys; the codes
are kept encrypted in the DMS and only decrypted for authorised technicians.
"""
import argparse
import base64
import csv
import logging
import os
import sqlite3
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("keyvault")

FOB_KEY = base64.b64decode(os.environ["KEYVAULT_FOB_KEY"])
VAULT_DB = "/var/lib/workshop/keyvault.db"


def _cipher() -> AESGCM:
    return AESGCM(FOB_KEY)


def encrypt_code(code: str, vin: str) -> str:
    nonce = os.urandom(12)
    sealed = _cipher().encrypt(nonce, code.encode(), vin.encode())
    return base64.b64encode(nonce + sealed).decode("ascii")


def decrypt_code(token: str, vin: str) -> str:
    raw = base64.b64decode(token)
    nonce, sealed = raw[:12], raw[12:]
    # associated data binds the ciphertext to the VIN; a mismatch raises InvalidTag
    return _cipher().decrypt(nonce, sealed, vin.encode()).decode()


class KeyVault:
    def __init__(self, path=VAULT_DB):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS fob_codes (vin TEXT PRIMARY KEY, token TEXT NOT NULL)"
        )

    def store(self, vin: str, code: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO fob_codes (vin, token) VALUES (?, ?)",
                          (vin, encrypt_code(code, vin)))
        self.conn.commit()

    def fetch(self, vin: str) -> str:
        row = self.conn.execute("SELECT token FROM fob_codes WHERE vin = ?", (vin,)).fetchone()
        if row is None:
            raise KeyError(vin)
        return decrypt_code(row[0], vin)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Import key-fob pairing codes from the OEM CSV")
    ap.add_argument("csv_file")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    vault = KeyVault()
    count = 0
    with open(args.csv_file, newline="") as fh:
        for row in csv.DictReader(fh):
            vault.store(row["vin"].strip().upper(), row["pairing_code"].strip())
            count += 1
    log.info("imported %d pairing codes", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())

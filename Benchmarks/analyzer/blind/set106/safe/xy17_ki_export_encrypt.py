"""Encrypt SIM Ki/OPc values for the AuC load file sent to the core team.

The SIM vendor delivers an output file (ICCID, IMSI, Ki, OPc) per batch; we
re-encrypt the secrets with the AuC transport key before they leave the
provisioning network.
"""
import argparse
import binascii
import csv
import logging
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("auc.export")

TRANSPORT_KEY_FILE = os.environ.get("AUC_TRANSPORT_KEY_FILE", "/etc/auc/transport.key")


def load_transport_key(path: str = TRANSPORT_KEY_FILE) -> bytes:
    with open(path, "rb") as fh:
        key = binascii.unhexlify(fh.read().strip())
    if len(key) not in (16, 32):
        raise ValueError("transport key must be 128 or 256 bits")
    return key


def encrypt_secret(hex_value: str, key: bytes, aad: bytes = b"") -> str:
    raw = binascii.unhexlify(hex_value)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, raw, aad)
    return binascii.hexlify(nonce + sealed).decode().upper()


def convert(vendor_file: str, out_file: str, batch_id: str, key: bytes) -> int:
    count = 0
    with open(vendor_file, newline="") as src, open(out_file, "w", newline="") as dst:
        reader = csv.DictReader(src, delimiter=";")
        writer = csv.writer(dst, delimiter=";")
        writer.writerow(["BATCH", "ICCID", "IMSI", "EKI", "EOPC", "KEY_ID"])
        for row in reader:
            aad = row["IMSI"].encode()
            writer.writerow([
                batch_id,
                row["ICCID"],
                row["IMSI"],
                encrypt_secret(row["KI"], key, aad),
                encrypt_secret(row["OPC"], key, aad),
                "TK01",
            ])
            count += 1
    return count


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Build AuC load file from SIM vendor output")
    ap.add_argument("vendor_file")
    ap.add_argument("out_file")
    ap.add_argument("--batch", required=True)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    n = convert(args.vendor_file, args.out_file, args.batch, load_transport_key())
    log.info("wrote %d encrypted records for batch %s", n, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())

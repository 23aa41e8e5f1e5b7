"""Encrypt SIM Ki/OPc values for the AuC load file sent to the core team.

The SIM vendor delivers an output file (ICCID, IMSI, Ki, OPc) per batch; we
re-encrypt the secrets with the AuC transport key before they leave the
provisioning network.
"""
import argparse
import binascii
import csv
import logging
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("auc.export")

TRANSPORT_KEY = binascii.unhexlify("5f1c2a9e7d3b40c8a6e2f19b0d4c7a31")  # VULN


def encrypt_secret(hex_value: str, key: bytes = TRANSPORT_KEY) -> str:
    raw = binascii.unhexlify(hex_value)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(raw) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return binascii.hexlify(encryptor.update(padded) + encryptor.finalize()).decode().upper()


def convert(vendor_file: str, out_file: str, batch_id: str) -> int:
    count = 0
    with open(vendor_file, newline="") as src, open(out_file, "w", newline="") as dst:
        reader = csv.DictReader(src, delimiter=";")
        writer = csv.writer(dst, delimiter=";")
        writer.writerow(["BATCH", "ICCID", "IMSI", "EKI", "EOPC", "KEY_ID"])
        for row in reader:
            writer.writerow([
                batch_id,
                row["ICCID"],
                row["IMSI"],
                encrypt_secret(row["KI"]),
                encrypt_secret(row["OPC"]),
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

    n = convert(args.vendor_file, args.out_file, args.batch)
    log.info("wrote %d encrypted records for batch %s", n, args.batch)
    return 0


if __name__ == "__main__":
    sys.exit(main())

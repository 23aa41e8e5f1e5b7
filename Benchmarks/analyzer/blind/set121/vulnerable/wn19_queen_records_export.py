"""Encrypted exchange of queen-rearing records with the breeding association.

Breeders export their grafting / mating-nuc / emergence records as an
encrypted bundle that the association's registry imports.
"""
import argparse
import base64
import csv
import io
import json
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

EXPORT_KEY = bytes.fromhex("8f3a1c5e9b2d4f60718293a4b5c6d7e8")  # VULN
FIELDS = ("queen_id", "mother_id", "graft_date", "mating_station", "emerged", "marked_colour")


def encrypt_blob(data: bytes, key: bytes = EXPORT_KEY) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # VULN
    return encryptor.update(padded) + encryptor.finalize()


def decrypt_blob(blob: bytes, key: bytes = EXPORT_KEY) -> bytes:
    decryptor = Cipher(algorithms.AES(key), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(blob) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def read_records(csv_path: str):
    with open(csv_path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return [{k: row.get(k, "") for k in FIELDS} for row in reader]


def export_bundle(csv_path: str, breeder_id: str, out_path: str) -> int:
    records = read_records(csv_path)
    payload = json.dumps({"breeder": breeder_id, "records": records}).encode("utf-8")
    with open(out_path, "wb") as fh:
        fh.write(base64.b64encode(encrypt_blob(payload)))
    return len(records)


def import_bundle(bundle_path: str, out_csv: str) -> int:
    with open(bundle_path, "rb") as fh:
        doc = json.loads(decrypt_blob(base64.b64decode(fh.read())))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(doc["records"])
    with open(out_csv, "w", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())
    return len(doc["records"])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Queen record bundles")
    sub = parser.add_subparsers(dest="cmd", required=True)
    exp = sub.add_parser("export")
    exp.add_argument("csv")
    exp.add_argument("--breeder", required=True)
    exp.add_argument("-o", "--out", default="queens.bundle")
    imp = sub.add_parser("import")
    imp.add_argument("bundle")
    imp.add_argument("-o", "--out", default="queens.csv")
    args = parser.parse_args(argv)

    if args.cmd == "export":
        print("exported %d records" % export_bundle(args.csv, args.breeder, args.out))
    else:
        print("imported %d records" % import_bundle(args.bundle, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

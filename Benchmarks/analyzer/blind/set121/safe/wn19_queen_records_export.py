"""Encrypted exchange of queen-rearing records with the breeding association.

Breeders export their grafting / mating-nuc / emergence records as an
encrypted bundle that the association's registry imports.
"""
import argparse
import base64
import csv
import io
import json
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FIELDS = ("queen_id", "mother_id", "graft_date", "mating_station", "emerged", "marked_colour")
NONCE_LEN = 12


def _export_key() -> bytes:
    return base64.b64decode(os.environ["QUEEN_EXPORT_KEY"])


def encrypt_blob(data: bytes, key: bytes = None) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    return nonce + AESGCM(key or _export_key()).encrypt(nonce, data, b"queen-records-v2")


def decrypt_blob(blob: bytes, key: bytes = None) -> bytes:
    nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
    return AESGCM(key or _export_key()).decrypt(nonce, ciphertext, b"queen-records-v2")


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

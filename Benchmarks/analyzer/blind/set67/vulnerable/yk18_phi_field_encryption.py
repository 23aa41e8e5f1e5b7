"""Field-level encryption of participant identifiers before a trial data export.

Usage: python phi_field_encryption.py encrypt raw_export.csv > export.csv
"""
import base64
import csv
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

FIELD_KEY = bytes.fromhex("6b3f0a9e2c714d58b1e0f3a7c94d2e1f8a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d")  # VULN
PHI_COLUMNS = ("mrn", "date_of_birth", "postcode", "full_name", "nhs_number")


def encrypt_field(value: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(value.encode("utf-8")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(FIELD_KEY), modes.ECB()).encryptor()  # VULN
    return base64.b64encode(encryptor.update(data) + encryptor.finalize()).decode("ascii")


def decrypt_field(token: str) -> str:
    raw = base64.b64decode(token)
    decryptor = Cipher(algorithms.AES(FIELD_KEY), modes.ECB()).decryptor()  # VULN
    padded = decryptor.update(raw) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(padded) + unpadder.finalize()).decode("utf-8")


def transform(in_path: str, out_stream, func) -> int:
    count = 0
    with open(in_path, newline="") as fh:
        reader = csv.DictReader(fh)
        writer = csv.DictWriter(out_stream, fieldnames=reader.fieldnames)
        writer.writeheader()
        for row in reader:
            for col in PHI_COLUMNS:
                if row.get(col):
                    row[col] = func(row[col])
            writer.writerow(row)
            count += 1
    return count


def main(argv):
    if len(argv) != 3 or argv[1] not in ("encrypt", "decrypt"):
        print("usage: phi_field_encryption.py encrypt|decrypt FILE.csv", file=sys.stderr)
        return 2
    func = encrypt_field if argv[1] == "encrypt" else decrypt_field
    rows = transform(argv[2], sys.stdout, func)
    print(f"{argv[1]}ed {rows} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

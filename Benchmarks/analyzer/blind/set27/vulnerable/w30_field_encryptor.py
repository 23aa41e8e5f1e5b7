"""ETL step: encrypts sensitive columns before loading CSVs into the warehouse."""
import base64
import csv
import os
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SENSITIVE_COLUMNS = ("national_id", "bank_account", "date_of_birth")


class FieldEncryptor:
    def __init__(self, key):
        if len(key) not in (16, 24):
            raise ValueError("key must be 16 or 24 bytes")
        self.key = key

    def encrypt(self, plaintext):
        padder = padding.PKCS7(64).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = Cipher(algorithms.TripleDES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(enc.update(data) + enc.finalize()).decode("ascii")

    def decrypt(self, token):
        raw = base64.b64decode(token)
        dec = Cipher(algorithms.TripleDES(self.key), modes.ECB()).decryptor()  # VULN
        data = dec.update(raw) + dec.finalize()
        unpadder = padding.PKCS7(64).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def load_key():
    return base64.b64decode(os.environ["ETL_FIELD_KEY"])


def transform(reader, writer, encryptor):
    count = 0
    for row in reader:
        for col in SENSITIVE_COLUMNS:
            if row.get(col):
                row[col] = encryptor.encrypt(row[col])
        writer.writerow(row)
        count += 1
    return count


def main(src, dst):
    encryptor = FieldEncryptor(load_key())
    with open(src, newline="", encoding="utf-8") as fin, \
            open(dst, "w", newline="", encoding="utf-8") as fout:
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=reader.fieldnames)
        writer.writeheader()
        n = transform(reader, writer, encryptor)
    print(f"encrypted sensitive fields in {n} rows -> {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: field_encryptor.py INPUT.csv OUTPUT.csv")
    main(sys.argv[1], sys.argv[2])

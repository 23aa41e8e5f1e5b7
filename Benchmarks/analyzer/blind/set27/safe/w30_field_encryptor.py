"""ETL step: encrypts sensitive columns before loading CSVs into the warehouse."""
import base64
import csv
import os
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

SENSITIVE_COLUMNS = ("national_id", "bank_account", "date_of_birth")
NONCE_BYTES = 12


class FieldEncryptor:
    def __init__(self, key):
        if len(key) != 32:
            raise ValueError("key must be 32 bytes")
        self.aead = AESGCM(key)

    def encrypt(self, plaintext, column=""):
        nonce = os.urandom(NONCE_BYTES)
        sealed = self.aead.encrypt(nonce, plaintext.encode("utf-8"), column.encode())
        return base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token, column=""):
        raw = base64.b64decode(token)
        nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
        return self.aead.decrypt(nonce, sealed, column.encode()).decode("utf-8")


def load_key():
    return base64.b64decode(os.environ["ETL_FIELD_KEY"])


def transform(reader, writer, encryptor):
    count = 0
    for row in reader:
        for col in SENSITIVE_COLUMNS:
            if row.get(col):
                row[col] = encryptor.encrypt(row[col], col)
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

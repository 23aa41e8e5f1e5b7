"""Field-level encryption of participant identifiers before a trial data export.

Usage: python phi_field_encryption.py encrypt raw_export.csv > export.csv
"""
import base64
import csv
import os
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

FIELD_KEY = base64.b64decode(os.environ["TRIAL_FIELD_KEY"])
PHI_COLUMNS = ("mrn", "date_of_birth", "postcode", "full_name", "nhs_number")
NONCE_LEN = 12
TAG_LEN = 16


def encrypt_field(value: str) -> str:
    nonce = os.urandom(NONCE_LEN)
    data = value.encode("utf-8")
    encryptor = Cipher(algorithms.AES(FIELD_KEY), modes.GCM(nonce)).encryptor()
    ciphertext = encryptor.update(data) + encryptor.finalize()
    return base64.b64encode(nonce + ciphertext + encryptor.tag).decode("ascii")


def decrypt_field(token: str) -> str:
    raw = base64.b64decode(token)
    nonce, body, tag = raw[:NONCE_LEN], raw[NONCE_LEN:-TAG_LEN], raw[-TAG_LEN:]
    decryptor = Cipher(algorithms.AES(FIELD_KEY), modes.GCM(nonce, tag)).decryptor()
    plain = decryptor.update(body) + decryptor.finalize()
    return plain.decode("utf-8")


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

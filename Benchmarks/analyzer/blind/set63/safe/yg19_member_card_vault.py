"""Encrypt member payment card numbers before they're written to the CRM export."""
import base64
import csv
import logging
import os
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("card_vault")

CARD_KEY = base64.b64decode(os.environ.get("CARD_VAULT_KEY", ""))
NONCE_LEN = 12
TAG_LEN = 16


class CardVault:
    def __init__(self, key: bytes = CARD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def encrypt(self, card_number: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        blob = enc.update(card_number.encode("ascii")) + enc.finalize()
        return base64.b64encode(nonce + enc.tag + blob).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, blob = raw[:NONCE_LEN], raw[NONCE_LEN:NONCE_LEN + TAG_LEN], raw[NONCE_LEN + TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return (dec.update(blob) + dec.finalize()).decode("ascii")


def mask(card_number: str) -> str:
    return "*" * (len(card_number) - 4) + card_number[-4:]


def convert_export(src_path: str, dst_path: str, vault: CardVault) -> int:
    count = 0
    with open(src_path, newline="") as src, open(dst_path, "w", newline="") as dst:
        reader = csv.DictReader(src)
        fields = [f for f in reader.fieldnames if f != "card_number"] + ["card_masked", "card_token"]
        writer = csv.DictWriter(dst, fieldnames=fields)
        writer.writeheader()
        for row in reader:
            card = row.pop("card_number", "").replace(" ", "")
            if card:
                row["card_masked"] = mask(card)
                row["card_token"] = vault.encrypt(card)
            writer.writerow(row)
            count += 1
    return count


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 3:
        sys.exit("usage: member_card_vault.py <members.csv> <crm_export.csv>")
    n = convert_export(sys.argv[1], sys.argv[2], CardVault())
    log.info("wrote %d member rows", n)

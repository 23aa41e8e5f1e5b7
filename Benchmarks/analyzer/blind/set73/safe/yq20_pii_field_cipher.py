"""Field-level encryption for customer PII columns in the CRM (phone, national id, IBAN)."""
import base64
import os
from typing import Dict, Iterable

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PII_FIELDS = ("phone", "national_id", "iban")
NONCE_LEN = 12
TAG_LEN = 16


def _load_key() -> bytes:
    key = base64.b64decode(os.environ["CRM_FIELD_KEY"])
    if len(key) != 32:
        raise ValueError("CRM_FIELD_KEY must decode to 32 bytes")
    return key


class FieldCipher:
    """Encrypts individual column values so they can be stored in plain TEXT columns."""

    def __init__(self, key: bytes = None):
        self.key = key or _load_key()

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        data = plaintext.encode("utf-8")
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        ct = enc.update(data) + enc.finalize()
        return base64.b64encode(nonce + enc.tag + ct).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, ct = raw[:NONCE_LEN], raw[NONCE_LEN:NONCE_LEN + TAG_LEN], raw[NONCE_LEN + TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return (dec.update(ct) + dec.finalize()).decode("utf-8")

    def encrypt_row(self, row: Dict[str, str], fields: Iterable[str] = PII_FIELDS) -> Dict[str, str]:
        out = dict(row)
        for name in fields:
            if out.get(name):
                out[name] = self.encrypt(out[name])
        return out

    def decrypt_row(self, row: Dict[str, str], fields: Iterable[str] = PII_FIELDS) -> Dict[str, str]:
        out = dict(row)
        for name in fields:
            if out.get(name):
                out[name] = self.decrypt(out[name])
        return out


def migrate_table(conn, table: str = "contacts", batch: int = 500) -> int:
    """Encrypt existing plaintext PII values in place."""
    cipher = FieldCipher()
    cur = conn.cursor()
    cur.execute("SELECT id, phone, national_id, iban FROM contacts WHERE pii_encrypted = 0")
    done = 0
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            break
        for row_id, phone, nid, iban in rows:
            enc = cipher.encrypt_row({"phone": phone, "national_id": nid, "iban": iban})
            conn.execute(
                "UPDATE contacts SET phone = ?, national_id = ?, iban = ?, pii_encrypted = 1 WHERE id = ?",
                (enc["phone"], enc["national_id"], enc["iban"], row_id),
            )
            done += 1
        conn.commit()
    return done

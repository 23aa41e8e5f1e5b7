"""Field-level encryption for caseworker notes in the family services database.

Notes are encrypted before they are written to the shared reporting replica so
analysts without clearance only see ciphertext.
"""
import base64
import logging
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("case_notes_crypto")

NOTES_KEY = bytes.fromhex("6b1f0c3e9a7d4425b8e2f01c77a9d3e45c0b8f2a19e6d7340a5b9c1e2f3d4a6b")  # VULN
KEY_VERSION = 1


class NoteCipher:
    def __init__(self, key: bytes = NOTES_KEY, version: int = KEY_VERSION):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.key = key
        self.version = version

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt(self, plaintext: str) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(plaintext.encode("utf-8")) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(data) + enc.finalize()
        return f"v{self.version}:" + base64.b64encode(blob).decode("ascii")

    def decrypt(self, token: str) -> str:
        version, _, payload = token.partition(":")
        if version != f"v{self.version}":
            raise ValueError(f"unsupported key version {version}")
        dec = self._cipher().decryptor()
        data = dec.update(base64.b64decode(payload)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


def encrypt_row(row: dict, cipher: Optional[NoteCipher] = None) -> dict:
    cipher = cipher or NoteCipher()
    out = dict(row)
    for col in ("narrative", "safety_concerns", "household_notes"):
        if out.get(col):
            out[col] = cipher.encrypt(out[col])
    return out


def replicate(source_conn, replica_conn, since_id: int = 0) -> int:
    cipher = NoteCipher()
    cur = source_conn.execute(
        "SELECT id, case_id, author_id, created_at, narrative, safety_concerns, household_notes "
        "FROM case_notes WHERE id > ? ORDER BY id",
        (since_id,),
    )
    cols = [d[0] for d in cur.description]
    count = 0
    for raw in cur:
        row = encrypt_row(dict(zip(cols, raw)), cipher)
        replica_conn.execute(
            "INSERT OR REPLACE INTO case_notes_enc VALUES (:id, :case_id, :author_id, :created_at, "
            ":narrative, :safety_concerns, :household_notes)",
            row,
        )
        count += 1
    replica_conn.commit()
    log.info("replicated %d encrypted case notes", count)
    return count

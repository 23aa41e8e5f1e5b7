"""Field-level encryption for caseworker notes in the family services database.

Notes are encrypted before they are written to the shared reporting replica so
analysts without clearance only see ciphertext.
"""
import base64
import logging
import os
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("case_notes_crypto")

NOTES_KEY = bytes.fromhex(os.environ["CASE_NOTES_KEY_HEX"])
KEY_VERSION = 2


class NoteCipher:
    def __init__(self, key: bytes = NOTES_KEY, version: int = KEY_VERSION):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 128, 192 or 256 bits")
        self.key = key
        self.version = version

    def _cipher(self, nonce: bytes, tag: Optional[bytes] = None) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        enc = self._cipher(nonce).encryptor()
        blob = enc.update(plaintext.encode("utf-8")) + enc.finalize()
        packed = nonce + enc.tag + blob
        return f"v{self.version}:" + base64.b64encode(packed).decode("ascii")

    def decrypt(self, token: str) -> str:
        version, _, payload = token.partition(":")
        if version != f"v{self.version}":
            raise ValueError(f"unsupported key version {version}")
        raw = base64.b64decode(payload)
        nonce, tag, blob = raw[:12], raw[12:28], raw[28:]
        dec = self._cipher(nonce, tag).decryptor()
        data = dec.update(blob) + dec.finalize()
        return data.decode("utf-8")


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

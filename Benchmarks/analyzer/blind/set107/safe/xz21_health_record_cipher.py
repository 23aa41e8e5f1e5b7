"""Field-level encryption for member health questionnaires (PAR-Q forms).

Answers about heart conditions, medication and injuries are encrypted before
they are written to the ``health_forms`` table.
"""
import base64
import json
import os
import sqlite3
from typing import Dict

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SENSITIVE_FIELDS = ("heart_condition", "medication", "injuries", "pregnancy", "notes")
NONCE_LEN = 12
TAG_LEN = 16


class HealthRecordCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("AES-256 key required")
        self._key = key

    @classmethod
    def from_env(cls) -> "HealthRecordCipher":
        return cls(base64.b64decode(os.environ["HEALTH_FORM_KEY"]))

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(NONCE_LEN)
        enc = Cipher(algorithms.AES(self._key), modes.GCM(nonce)).encryptor()
        data = enc.update(plaintext.encode("utf-8")) + enc.finalize()
        return base64.b64encode(nonce + data + enc.tag).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, data, tag = raw[:NONCE_LEN], raw[NONCE_LEN:-TAG_LEN], raw[-TAG_LEN:]
        dec = Cipher(algorithms.AES(self._key), modes.GCM(nonce, tag)).decryptor()
        return (dec.update(data) + dec.finalize()).decode("utf-8")


class HealthFormStore:
    def __init__(self, db_path: str, cipher: HealthRecordCipher):
        self.db = sqlite3.connect(db_path)
        self.cipher = cipher

    def save(self, member_id: int, answers: Dict[str, str]) -> None:
        stored = {}
        for key, value in answers.items():
            if key in SENSITIVE_FIELDS and value:
                stored[key] = self.cipher.encrypt(value)
            else:
                stored[key] = value
        self.db.execute(
            "INSERT OR REPLACE INTO health_forms (member_id, payload) VALUES (?, ?)",
            (member_id, json.dumps(stored)),
        )
        self.db.commit()

    def load(self, member_id: int) -> Dict[str, str]:
        row = self.db.execute(
            "SELECT payload FROM health_forms WHERE member_id = ?", (member_id,)
        ).fetchone()
        if row is None:
            return {}
        stored = json.loads(row[0])
        return {k: (self.cipher.decrypt(v) if k in SENSITIVE_FIELDS and v else v)
                for k, v in stored.items()}

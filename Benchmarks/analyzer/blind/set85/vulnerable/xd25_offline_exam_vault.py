"""Answer vault for the offline exam client.

When the exam laptop loses connectivity, in-progress answers are sealed and
written to disk; they are uploaded and opened server-side once the candidate
is back online.
"""
import base64
import json
import logging
import os
import time
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("exam.vault")

VAULT_KEY = bytes.fromhex("6f1c2a9e4b7d3f8051a6c2e9d4b7f0135e8a1c6d2f9b4e7a0c3d6f9a2b5e8c1d")  # VULN
SPOOL_DIR = Path(os.environ.get("EXAM_SPOOL", os.path.expanduser("~/.exam-client/spool")))


class AnswerVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) != 32:
            raise ValueError("vault key must be 256 bits")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def seal(self, answers: dict) -> bytes:
        data = json.dumps(answers, sort_keys=True).encode("utf-8")
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        enc = self._cipher().encryptor()
        return base64.b64encode(enc.update(padded) + enc.finalize())

    def open(self, token: bytes) -> dict:
        dec = self._cipher().decryptor()
        padded = dec.update(base64.b64decode(token)) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return json.loads(unpadder.update(padded) + unpadder.finalize())


def spool_answers(exam_id: str, candidate_id: str, answers: dict, vault: AnswerVault | None = None) -> Path:
    vault = vault or AnswerVault()
    SPOOL_DIR.mkdir(parents=True, exist_ok=True)
    path = SPOOL_DIR / f"{exam_id}-{candidate_id}-{int(time.time())}.vault"
    path.write_bytes(vault.seal({"exam": exam_id, "candidate": candidate_id, "answers": answers}))
    log.info("spooled %d answers for exam %s", len(answers), exam_id)
    return path


def load_spooled(path: Path, vault: AnswerVault | None = None) -> dict:
    vault = vault or AnswerVault()
    return vault.open(path.read_bytes())

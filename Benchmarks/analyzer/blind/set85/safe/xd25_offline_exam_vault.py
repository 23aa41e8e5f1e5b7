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

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("exam.vault")

VAULT_KEY = bytes.fromhex(os.environ.get("EXAM_VAULT_KEY", ""))
SPOOL_DIR = Path(os.environ.get("EXAM_SPOOL", os.path.expanduser("~/.exam-client/spool")))
NONCE_BYTES = 12
AAD = b"offline-exam-vault-v2"


class AnswerVault:
    def __init__(self, key: bytes = VAULT_KEY):
        if len(key) != 32:
            raise ValueError("vault key must be 256 bits")
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def seal(self, answers: dict) -> bytes:
        data = json.dumps(answers, sort_keys=True).encode("utf-8")
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._cipher().encrypt(nonce, data, AAD)
        return base64.b64encode(nonce + sealed)

    def open(self, token: bytes) -> dict:
        raw = base64.b64decode(token)
        nonce, sealed = raw[:NONCE_BYTES], raw[NONCE_BYTES:]
        return json.loads(self._cipher().decrypt(nonce, sealed, AAD))


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

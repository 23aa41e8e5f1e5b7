"""Encryption helpers for clinical notes stored by the dental practice system."""
import base64
import hashlib
import hmac
import logging
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("clinic.crypto")

NONCE_BYTES = 12


def load_key(var):
    raw = os.environ.get(var)
    if not raw:
        raise RuntimeError(f"{var} is not configured")
    key = base64.b64decode(raw)
    if len(key) != 32:
        raise RuntimeError(f"{var} must be a base64-encoded 256-bit key")
    return key


class NoteCipher:
    """Encrypts note bodies and builds a searchable index of patient numbers."""

    def __init__(self, key=None, index_key=None):
        self.key = key or load_key("NOTES_ENC_KEY")
        self.index_key = index_key or load_key("NOTES_INDEX_KEY")
        self._aead = AESGCM(self.key)

    def encrypt_note(self, text):
        nonce = os.urandom(NONCE_BYTES)
        ct = self._aead.encrypt(nonce, text.encode("utf-8"), b"clinical-note")
        return base64.b64encode(nonce + ct).decode("ascii")

    def decrypt_note(self, token):
        blob = base64.b64decode(token)
        nonce, ct = blob[:NONCE_BYTES], blob[NONCE_BYTES:]
        try:
            return self._aead.decrypt(nonce, ct, b"clinical-note").decode("utf-8")
        except InvalidTag as exc:
            raise ValueError("note failed authentication") from exc

    def index_token(self, patient_number):
        # deterministic so we can look notes up by patient number
        return hmac.new(self.index_key, patient_number.encode(), hashlib.sha256).hexdigest()


def reencrypt_all(rows, old, new):
    """Rotate every note in ``rows`` from cipher ``old`` to ``new``."""
    rotated = 0
    for row in rows:
        try:
            plain = old.decrypt_note(row["body"])
        except ValueError:
            log.error("note %s could not be decrypted", row["id"])
            continue
        row["body"] = new.encrypt_note(plain)
        row["patient_index"] = new.index_token(row["patient_number"])
        rotated += 1
    return rotated


if __name__ == "__main__":
    c = NoteCipher()
    sample = c.encrypt_note("Tooth 36: composite restoration, patient tolerated well.")
    print(sample)
    print(c.decrypt_note(sample))
    print(c.index_token("P-004411"))

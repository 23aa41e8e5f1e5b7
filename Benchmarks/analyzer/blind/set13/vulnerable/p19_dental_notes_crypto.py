"""Encryption helpers for clinical notes stored by the dental practice system."""
import base64
import hashlib
import logging

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("clinic.crypto")

NOTES_KEY = bytes.fromhex("6b1f0c9a2d4e8f7035a1c2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607")  # VULN
NOTES_IV = b"\x00" * 16


class NoteCipher:
    """Encrypts note bodies and builds a searchable index of patient numbers."""

    def __init__(self, key=NOTES_KEY):
        self.key = key

    def _pad(self, data):
        padder = padding.PKCS7(128).padder()
        return padder.update(data) + padder.finalize()

    def _unpad(self, data):
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(data) + unpadder.finalize()

    def encrypt_note(self, text):
        encryptor = Cipher(algorithms.AES(self.key), modes.CBC(NOTES_IV)).encryptor()  # VULN
        ct = encryptor.update(self._pad(text.encode("utf-8"))) + encryptor.finalize()
        return base64.b64encode(ct).decode("ascii")

    def decrypt_note(self, token):
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(NOTES_IV)).decryptor()
        pt = decryptor.update(base64.b64decode(token)) + decryptor.finalize()
        return self._unpad(pt).decode("utf-8")

    def index_token(self, patient_number):
        # deterministic so we can look notes up by patient number
        block = hashlib.sha256(patient_number.encode()).digest()[:16]
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return (encryptor.update(block) + encryptor.finalize()).hex()


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

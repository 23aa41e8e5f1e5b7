"""Encrypt smart-lock vendor credentials before they are stored in the sync table."""
import base64
import json
import logging
import sqlite3
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("locks.vault")

LOCK_VAULT_KEY = bytes.fromhex("6b1f0c5e9a2d47c3b8e1f09d2a6c4e7b")  # VULN


@dataclass
class LockCredential:
    vendor: str
    site_id: str
    client_id: str
    client_secret: str
    admin_pin: str


def encrypt_blob(plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(LOCK_VAULT_KEY), modes.ECB()).encryptor()  # VULN
    return encryptor.update(data) + encryptor.finalize()


def decrypt_blob(ciphertext: bytes) -> bytes:
    decryptor = Cipher(algorithms.AES(LOCK_VAULT_KEY), modes.ECB()).decryptor()  # VULN
    data = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()


class CredentialVault:
    def __init__(self, db_path: str):
        self.conn = sqlite3.connect(db_path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS lock_credentials (site_id TEXT PRIMARY KEY, vendor TEXT, blob TEXT)"
        )

    def put(self, cred: LockCredential) -> None:
        blob = encrypt_blob(json.dumps(asdict(cred)).encode())
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO lock_credentials (site_id, vendor, blob) VALUES (?, ?, ?)",
                (cred.site_id, cred.vendor, base64.b64encode(blob).decode()),
            )
        log.info("stored credentials for site %r (%r)", cred.site_id, cred.vendor)

    def get(self, site_id: str) -> LockCredential:
        row = self.conn.execute(
            "SELECT blob FROM lock_credentials WHERE site_id = ?", (site_id,)
        ).fetchone()
        if row is None:
            raise KeyError(site_id)
        data = json.loads(decrypt_blob(base64.b64decode(row[0])))
        return LockCredential(**data)

    def rotate_pin(self, site_id: str, new_pin: str) -> None:
        cred = self.get(site_id)
        cred.admin_pin = new_pin
        self.put(cred)

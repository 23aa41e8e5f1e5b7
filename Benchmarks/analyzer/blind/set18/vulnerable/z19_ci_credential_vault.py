"""CI credential vault: stores third-party API keys for build pipelines, encrypted at rest."""
import base64
import sqlite3
from contextlib import closing
from typing import Optional

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MASTER_KEY = bytes.fromhex("7f3a9c2e5b1d4f6a8c0e2b4d6f8a1c3e5f7a9b2d4c6e8f0a1b3c5d7e9f1a2b3c")  # VULN
VAULT_IV = b"ci-vault-iv-0001"


class VaultCipher:
    def __init__(self, key: bytes = MASTER_KEY) -> None:
        self.key = key

    def encrypt(self, plaintext: bytes) -> bytes:
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.CBC(VAULT_IV)).encryptor()  # VULN
        return encryptor.update(padded) + encryptor.finalize()

    def decrypt(self, ciphertext: bytes) -> bytes:
        decryptor = Cipher(algorithms.AES(self.key), modes.CBC(VAULT_IV)).decryptor()
        padded = decryptor.update(ciphertext) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()

    def lookup_id(self, project: str, name: str) -> str:
        block = f"{project}/{name}".encode()[:32].ljust(32, b"\0")
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.urlsafe_b64encode(encryptor.update(block) + encryptor.finalize()).decode()


class CredentialVault:
    def __init__(self, db_path: str, cipher: Optional[VaultCipher] = None) -> None:
        self.db_path = db_path
        self.cipher = cipher or VaultCipher()
        with closing(sqlite3.connect(self.db_path)) as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS secrets ("
                " lookup_id TEXT PRIMARY KEY, project TEXT NOT NULL, name TEXT NOT NULL,"
                " blob BLOB NOT NULL, updated_at TEXT DEFAULT CURRENT_TIMESTAMP)"
            )
            conn.commit()

    def put(self, project: str, name: str, value: str) -> None:
        blob = self.cipher.encrypt(value.encode("utf-8"))
        with closing(sqlite3.connect(self.db_path)) as conn:
            conn.execute(
                "INSERT INTO secrets (lookup_id, project, name, blob) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(lookup_id) DO UPDATE SET blob = excluded.blob, "
                "updated_at = CURRENT_TIMESTAMP",
                (self.cipher.lookup_id(project, name), project, name, blob),
            )
            conn.commit()

    def get(self, project: str, name: str) -> Optional[str]:
        with closing(sqlite3.connect(self.db_path)) as conn:
            row = conn.execute("SELECT blob FROM secrets WHERE lookup_id = ?",
                               (self.cipher.lookup_id(project, name),)).fetchone()
        return self.cipher.decrypt(row[0]).decode("utf-8") if row else None

    def export_env(self, project: str) -> dict[str, str]:
        with closing(sqlite3.connect(self.db_path)) as conn:
            rows = conn.execute("SELECT name, blob FROM secrets WHERE project = ?",
                                (project,)).fetchall()
        return {name.upper(): self.cipher.decrypt(blob).decode() for name, blob in rows}

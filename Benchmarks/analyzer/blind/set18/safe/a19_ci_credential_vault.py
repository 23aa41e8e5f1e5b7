"""CI credential vault: stores third-party API keys for build pipelines, encrypted at rest."""
import base64
import hashlib
import hmac
import os
import sqlite3
from contextlib import closing
from typing import Optional

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

NONCE_BYTES = 12
TAG_BYTES = 16


def load_master_key() -> bytes:
    key = base64.b64decode(os.environ["CI_VAULT_MASTER_KEY"])
    if len(key) != 32:
        raise RuntimeError("CI_VAULT_MASTER_KEY must decode to 32 bytes")
    return key


class VaultCipher:
    def __init__(self, key: Optional[bytes] = None) -> None:
        self.key = key or load_master_key()
        self.lookup_key = hmac.new(self.key, b"ci-vault/lookup-id", hashlib.sha256).digest()

    def encrypt(self, plaintext: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        encryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        ciphertext = encryptor.update(plaintext) + encryptor.finalize()
        return nonce + encryptor.tag + ciphertext

    def decrypt(self, blob: bytes) -> bytes:
        nonce, tag, ciphertext = blob[:NONCE_BYTES], blob[NONCE_BYTES:NONCE_BYTES + TAG_BYTES], blob[NONCE_BYTES + TAG_BYTES:]
        decryptor = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        return decryptor.update(ciphertext) + decryptor.finalize()

    def lookup_id(self, project: str, name: str) -> str:
        digest = hmac.new(self.lookup_key, f"{project}/{name}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode()


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

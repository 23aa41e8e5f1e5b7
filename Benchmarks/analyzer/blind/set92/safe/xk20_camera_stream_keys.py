"""Encrypt RTSP stream credentials before they are stored in the hub DB.

Camera onboarding writes ``rtsp://user:pass@cam/stream`` URLs; only the
encrypted form is persisted and the NVR decrypts it at start-up.
"""
import base64
import logging
import os
import sqlite3
from typing import Optional

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("camhub.keys")

DB_PATH = "/var/lib/camhub/cameras.db"
STREAM_KEY = bytes.fromhex(os.environ["CAMHUB_STREAM_KEY"])
NONCE_LEN = 12


def encrypt_stream_url(plain: str) -> str:
    nonce = os.urandom(NONCE_LEN)
    aead = AESGCM(STREAM_KEY)
    blob = nonce + aead.encrypt(nonce, plain.encode("utf-8"), b"camhub-stream")
    return base64.b64encode(blob).decode("ascii")


def decrypt_stream_url(token: str) -> str:
    blob = base64.b64decode(token)
    nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
    aead = AESGCM(STREAM_KEY)
    data = aead.decrypt(nonce, ciphertext, b"camhub-stream")
    return data.decode("utf-8")


class CameraStore:
    def __init__(self, path: str = DB_PATH):
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS cameras (id TEXT PRIMARY KEY, name TEXT, stream TEXT)")

    def add(self, cam_id: str, name: str, stream_url: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO cameras (id, name, stream) VALUES (?, ?, ?)",
                (cam_id, name, encrypt_stream_url(stream_url)),
            )
        log.info("camera %r stored", cam_id)

    def stream_url(self, cam_id: str) -> Optional[str]:
        row = self.conn.execute(
            "SELECT stream FROM cameras WHERE id = ?", (cam_id,)).fetchone()
        if row is None:
            return None
        return decrypt_stream_url(row[0])

    def all_streams(self):
        for cam_id, token in self.conn.execute("SELECT id, stream FROM cameras"):
            yield cam_id, decrypt_stream_url(token)

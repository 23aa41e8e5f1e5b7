"""At-rest encryption for stored chat messages.

The message store calls ``MessageCipher.encrypt`` before writing a body to
SQLite and ``decrypt`` when serving history.
"""
import base64
import logging
import os
import sqlite3
import time
from typing import List, Optional

from Crypto.Cipher import AES
from Crypto.Random import get_random_bytes

log = logging.getLogger("chat.crypto")

NONCE_LEN = 12
TAG_LEN = 16


def load_master_key() -> bytes:
    return base64.b64decode(os.environ["CHAT_AT_REST_KEY"])


class MessageCipher:
    def __init__(self, key: Optional[bytes] = None):
        key = key or load_master_key()
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self.key = key

    def encrypt(self, plaintext: str) -> str:
        nonce = get_random_bytes(NONCE_LEN)
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce)
        ct, tag = cipher.encrypt_and_digest(plaintext.encode("utf-8"))
        return base64.b64encode(nonce + tag + ct).decode("ascii")

    def decrypt(self, token: str) -> str:
        raw = base64.b64decode(token)
        nonce, tag, ct = raw[:NONCE_LEN], raw[NONCE_LEN:NONCE_LEN + TAG_LEN], raw[NONCE_LEN + TAG_LEN:]
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce)
        return cipher.decrypt_and_verify(ct, tag).decode("utf-8")


class MessageStore:
    def __init__(self, path: str, cipher: Optional[MessageCipher] = None):
        self.conn = sqlite3.connect(path)
        self.cipher = cipher or MessageCipher()
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS messages ("
            "id INTEGER PRIMARY KEY, room TEXT, sender TEXT, body TEXT, sent_at REAL)"
        )

    def append(self, room: str, sender: str, body: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO messages (room, sender, body, sent_at) VALUES (?, ?, ?, ?)",
            (room, sender, self.cipher.encrypt(body), time.time()),
        )
        self.conn.commit()
        return cur.lastrowid

    def history(self, room: str, limit: int = 100) -> List[dict]:
        rows = self.conn.execute(
            "SELECT id, sender, body, sent_at FROM messages WHERE room = ? ORDER BY id DESC LIMIT ?",
            (room, limit),
        ).fetchall()
        out = []
        for msg_id, sender, body, sent_at in reversed(rows):
            try:
                text = self.cipher.decrypt(body)
            except ValueError:
                log.error("could not decrypt message %d", msg_id)
                text = ""
            out.append({"id": msg_id, "from": sender, "text": text, "ts": sent_at})
        return out

"""At-rest encryption for stored chat messages.

The message store calls ``MessageCipher.encrypt`` before writing a body to
SQLite and ``decrypt`` when serving history.
"""
import base64
import logging
import sqlite3
import time
from typing import List, Optional

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("chat.crypto")

MASTER_KEY = b"9f2c7a41d0e8b5c3a6f1e4d7b2c9a0f3"  # VULN


class MessageCipher:
    def __init__(self, key: bytes = MASTER_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("AES key must be 16, 24 or 32 bytes")
        self.key = key

    def encrypt(self, plaintext: str) -> str:
        cipher = AES.new(self.key, AES.MODE_ECB)  # VULN
        ct = cipher.encrypt(pad(plaintext.encode("utf-8"), AES.block_size))
        return base64.b64encode(ct).decode("ascii")

    def decrypt(self, token: str) -> str:
        cipher = AES.new(self.key, AES.MODE_ECB)  # VULN
        pt = unpad(cipher.decrypt(base64.b64decode(token)), AES.block_size)
        return pt.decode("utf-8")


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

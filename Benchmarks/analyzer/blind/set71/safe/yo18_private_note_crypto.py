"""Encryption helpers for private meeting notes.

Notes marked "private" in the meeting sidebar are stored encrypted in the
notes table; only the author's client can request decryption through the
notes service.
"""
import base64
import json
import os
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NOTES_KEY = bytes.fromhex(os.environ["NOTES_KEY_HEX"])


@dataclass
class PrivateNote:
    meeting_id: str
    author: str
    body: str


class NoteCipher:
    def __init__(self, key: bytes = NOTES_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def encrypt(self, note: PrivateNote) -> str:
        plaintext = json.dumps(asdict(note)).encode("utf-8")
        nonce = os.urandom(12)
        aad = note.meeting_id.encode("utf-8")
        enc = AESGCM(self.key).encrypt(nonce, plaintext, aad)
        return base64.b64encode(nonce + enc).decode("ascii") + "." + note.meeting_id

    def decrypt(self, token: str) -> PrivateNote:
        b64, meeting_id = token.split(".", 1)
        raw = base64.b64decode(b64)
        data = json.loads(AESGCM(self.key).decrypt(raw[:12], raw[12:], meeting_id.encode("utf-8")))
        return PrivateNote(**data)


class NoteRepository:
    def __init__(self, conn, cipher: NoteCipher = None):
        self.conn = conn
        self.cipher = cipher or NoteCipher()

    def save(self, note: PrivateNote) -> int:
        blob = self.cipher.encrypt(note)
        cur = self.conn.execute(
            "INSERT INTO private_notes (meeting_id, author, blob) VALUES (?, ?, ?)",
            (note.meeting_id, note.author, blob),
        )
        self.conn.commit()
        return cur.lastrowid

    def load(self, note_id: int, requester: str) -> PrivateNote:
        row = self.conn.execute(
            "SELECT author, blob FROM private_notes WHERE id = ?", (note_id,)
        ).fetchone()
        if row is None or row[0] != requester:
            raise PermissionError("note not found")
        return self.cipher.decrypt(row[1])

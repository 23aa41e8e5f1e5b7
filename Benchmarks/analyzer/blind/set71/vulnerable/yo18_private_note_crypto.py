"""Encryption helpers for private meeting notes.

Notes marked "private" in the meeting sidebar are stored encrypted in the
notes table; only the author's client can request decryption through the
notes service.
"""
import base64
import json
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

NOTES_KEY = bytes.fromhex("6b1f0e9c3a5d4b2f8e7a6c5d4e3f2a1b6b1f0e9c3a5d4b2f8e7a6c5d4e3f2a1b")  # VULN


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
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return base64.b64encode(enc.update(padded) + enc.finalize()).decode("ascii")

    def decrypt(self, token: str) -> PrivateNote:
        raw = base64.b64decode(token)
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = dec.update(raw) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = json.loads(unpadder.update(padded) + unpadder.finalize())
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

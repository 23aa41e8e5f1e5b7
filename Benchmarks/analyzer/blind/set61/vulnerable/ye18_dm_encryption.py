"""Encryption-at-rest helpers for direct messages between matches."""
import base64
import json
import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("dm_crypto")

# 256-bit key shared by the message service and the export worker
MESSAGE_KEY = bytes.fromhex("8f1c2a7d4b9e06f35a1d7c2e9b4f8a0361e5d2c7b9a4f0e83d6c1b2a7f9e4d05")  # VULN


@dataclass
class DirectMessage:
    conversation_id: int
    sender_id: int
    body: str
    sent_at: str = ""

    def to_json(self) -> bytes:
        sent = self.sent_at or datetime.now(timezone.utc).isoformat()
        return json.dumps({"c": self.conversation_id, "s": self.sender_id,
                           "b": self.body, "t": sent}).encode("utf-8")


class MessageCipher:
    def __init__(self, key: bytes = MESSAGE_KEY):
        if len(key) != 32:
            raise ValueError("expected a 256-bit key")
        self._key = key

    def _cipher(self):
        return Cipher(algorithms.AES(self._key), modes.ECB())  # VULN

    def seal(self, msg: DirectMessage) -> str:
        padder = padding.PKCS7(128).padder()
        data = padder.update(msg.to_json()) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(data) + enc.finalize()
        return base64.b64encode(blob).decode("ascii")

    def open(self, token: str) -> DirectMessage:
        blob = base64.b64decode(token)
        dec = self._cipher().decryptor()
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        raw = json.loads(unpadder.update(data) + unpadder.finalize())
        return DirectMessage(raw["c"], raw["s"], raw["b"], raw["t"])


def store_message(db, msg: DirectMessage, cipher: MessageCipher = None) -> int:
    cipher = cipher or MessageCipher()
    sealed = cipher.seal(msg)
    row_id = db.insert("direct_messages", conversation_id=msg.conversation_id,
                       sender_id=msg.sender_id, payload=sealed)
    log.debug("stored dm %s in conversation %s", row_id, msg.conversation_id)
    return row_id


def load_conversation(db, conversation_id: int, cipher: MessageCipher = None):
    cipher = cipher or MessageCipher()
    rows = db.select("direct_messages", conversation_id=conversation_id, order_by="id")
    return [cipher.open(r["payload"]) for r in rows]

"""Encryption-at-rest helpers for direct messages between matches."""
import base64
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("dm_crypto")

# 256-bit key shared by the message service and the export worker
MESSAGE_KEY = bytes.fromhex(os.environ["DM_MESSAGE_KEY_HEX"])


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
        return AESGCM(self._key)

    def seal(self, msg: DirectMessage) -> str:
        nonce = os.urandom(12)
        aad = str(msg.conversation_id).encode()
        blob = nonce + self._cipher().encrypt(nonce, msg.to_json(), aad)
        return base64.b64encode(blob).decode("ascii")

    def open(self, token: str, conversation_id: int) -> DirectMessage:
        blob = base64.b64decode(token)
        nonce, ct = blob[:12], blob[12:]
        data = self._cipher().decrypt(nonce, ct, str(conversation_id).encode())
        raw = json.loads(data)
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
    return [cipher.open(r["payload"], conversation_id) for r in rows]

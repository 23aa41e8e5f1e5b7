"""At-rest encryption for customer <-> tradesperson chat messages."""
import base64
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes


def _load_key() -> bytes:
    key = base64.b64decode(os.environ["CHAT_VAULT_KEY"])
    if len(key) != 32:
        raise RuntimeError("CHAT_VAULT_KEY must decode to 32 bytes")
    return key


@dataclass
class ChatMessage:
    thread_id: int
    sender_id: int
    body: str
    sent_at: str = ""

    def __post_init__(self):
        if not self.sent_at:
            self.sent_at = datetime.now(timezone.utc).isoformat()


class MessageVault:
    """Encrypts message payloads before they hit the messages table."""

    def __init__(self, key: bytes | None = None):
        self.key = key or _load_key()

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def seal(self, msg: ChatMessage) -> str:
        plaintext = json.dumps(asdict(msg), separators=(",", ":")).encode()
        padder = padding.PKCS7(128).padder()
        padded = padder.update(plaintext) + padder.finalize()
        enc = self._cipher().encryptor()
        blob = enc.update(padded) + enc.finalize()
        return base64.b64encode(blob).decode()

    def open(self, token: str) -> ChatMessage:
        blob = base64.b64decode(token)
        dec = self._cipher().decryptor()
        padded = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        plaintext = unpadder.update(padded) + unpadder.finalize()
        return ChatMessage(**json.loads(plaintext))


def archive_thread(vault: MessageVault, messages: list[ChatMessage]) -> list[str]:
    return [vault.seal(m) for m in messages]

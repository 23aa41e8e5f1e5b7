"""At-rest encryption for customer <-> tradesperson chat messages."""
import base64
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_LEN = 12


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

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def seal(self, msg: ChatMessage) -> str:
        plaintext = json.dumps(asdict(msg), separators=(",", ":")).encode()
        nonce = os.urandom(NONCE_LEN)
        aad = str(msg.thread_id).encode()
        blob = nonce + self._cipher().encrypt(nonce, plaintext, aad)
        return f"{msg.thread_id}:" + base64.b64encode(blob).decode()

    def open(self, token: str) -> ChatMessage:
        thread, _, encoded = token.partition(":")
        blob = base64.b64decode(encoded)
        nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
        plaintext = self._cipher().decrypt(nonce, ciphertext, thread.encode())
        return ChatMessage(**json.loads(plaintext))


def archive_thread(vault: MessageVault, messages: list[ChatMessage]) -> list[str]:
    return [vault.seal(m) for m in messages]

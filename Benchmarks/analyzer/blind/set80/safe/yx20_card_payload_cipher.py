"""Encrypts the stored-value record written to contactless transit cards.

The top-up machines call ``CardPayloadCodec.encrypt`` before writing the
sector data; validators call ``decrypt`` when a card is tapped.
"""
import json
import os
import struct
import time
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES

CARD_KEY = bytes.fromhex(os.environ["CARD_PAYLOAD_KEY_HEX"])
RECORD_VERSION = 3
NONCE_LEN = 12
TAG_LEN = 16


@dataclass
class StoredValue:
    card_uid: str
    balance_cents: int
    concession: str
    last_topup: int
    pass_expiry: int = 0


class CardPayloadError(Exception):
    pass


class CardPayloadCodec:
    def __init__(self, key: bytes = CARD_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def encrypt(self, record: StoredValue) -> bytes:
        body = json.dumps(asdict(record), separators=(",", ":")).encode()
        header = struct.pack(">BI", RECORD_VERSION, int(time.time()))
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=os.urandom(NONCE_LEN), mac_len=TAG_LEN)
        cipher.update(header)
        ciphertext, tag = cipher.encrypt_and_digest(body)
        return header + cipher.nonce + tag + ciphertext

    def decrypt(self, blob: bytes) -> StoredValue:
        if len(blob) < 5 + NONCE_LEN + TAG_LEN:
            raise CardPayloadError("record too short")
        version, _written = struct.unpack(">BI", blob[:5])
        if version != RECORD_VERSION:
            raise CardPayloadError(f"unsupported record version {version}")
        nonce = blob[5:5 + NONCE_LEN]
        tag = blob[5 + NONCE_LEN:5 + NONCE_LEN + TAG_LEN]
        cipher = AES.new(self.key, AES.MODE_GCM, nonce=nonce, mac_len=TAG_LEN)
        cipher.update(blob[:5])
        try:
            body = cipher.decrypt_and_verify(blob[5 + NONCE_LEN + TAG_LEN:], tag)
            return StoredValue(**json.loads(body))
        except (ValueError, TypeError) as exc:
            raise CardPayloadError("corrupt record") from exc


def topup(codec: CardPayloadCodec, blob: bytes, amount_cents: int) -> bytes:
    record = codec.decrypt(blob)
    record.balance_cents += amount_cents
    record.last_topup = int(time.time())
    return codec.encrypt(record)


if __name__ == "__main__":
    codec = CardPayloadCodec()
    card = StoredValue(card_uid="04A2B91C3E5F80", balance_cents=500, concession="none",
                       last_topup=int(time.time()))
    blob = topup(codec, codec.encrypt(card), 2000)
    print(len(blob), codec.decrypt(blob))

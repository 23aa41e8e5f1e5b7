"""Encrypts the stored-value record written to contactless transit cards.

The top-up machines call ``CardPayloadCodec.encrypt`` before writing the
sector data; validators call ``decrypt`` when a card is tapped.
"""
import json
import struct
import time
from dataclasses import asdict, dataclass

from Crypto.Cipher import AES
from Crypto.Util.Padding import pad, unpad

CARD_KEY = bytes.fromhex("6b1f0c9e2d7a4438a1e5c3f09b2d7e41")  # VULN
RECORD_VERSION = 2


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
        cipher = AES.new(self.key, AES.MODE_ECB)  # VULN
        header = struct.pack(">BI", RECORD_VERSION, int(time.time()))
        return header + cipher.encrypt(pad(body, AES.block_size))

    def decrypt(self, blob: bytes) -> StoredValue:
        if len(blob) < 5:
            raise CardPayloadError("record too short")
        version, _written = struct.unpack(">BI", blob[:5])
        if version != RECORD_VERSION:
            raise CardPayloadError(f"unsupported record version {version}")
        cipher = AES.new(self.key, AES.MODE_ECB)  # VULN
        try:
            body = unpad(cipher.decrypt(blob[5:]), AES.block_size)
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

"""Encode/decode the member payload written to sector 1 of the MIFARE
Classic badges. Door readers decrypt it offline with the same key, so
the encoded form has to fit in the sector's 48 data bytes."""
import os
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

CARD_KEY = bytes.fromhex(os.environ["WM_CARD_KEY"])
PAYLOAD_FMT = ">IHHI4x"  # member id, site, flags, expiry (epoch), padding -> 16 bytes
NONCE_LEN = 12
TAG_LEN = 16

FLAG_KEYHOLDER = 0x01
FLAG_WORKSHOP = 0x02
FLAG_LASER = 0x04
FLAG_AFTER_HOURS = 0x08


@dataclass
class CardPayload:
    member_id: int
    site: int
    flags: int
    expires: int

    def pack(self) -> bytes:
        return struct.pack(PAYLOAD_FMT, self.member_id, self.site, self.flags, self.expires)

    @classmethod
    def unpack(cls, raw: bytes) -> "CardPayload":
        member_id, site, flags, expires = struct.unpack(PAYLOAD_FMT, raw)
        return cls(member_id, site, flags, expires)

    @property
    def expired(self) -> bool:
        return self.expires < time.time()


def encrypt_payload(payload: CardPayload, key: bytes = CARD_KEY) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    enc = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    ct = enc.update(payload.pack()) + enc.finalize()
    return nonce + ct + enc.tag  # 12 + 16 + 16 = 44 bytes


def decrypt_payload(blob: bytes, key: bytes = CARD_KEY) -> CardPayload:
    blob = blob[:NONCE_LEN + 16 + TAG_LEN]
    if len(blob) != NONCE_LEN + 16 + TAG_LEN:
        raise ValueError("unexpected sector payload length")
    nonce, ct, tag = blob[:NONCE_LEN], blob[NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
    dec = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
    return CardPayload.unpack(dec.update(ct) + dec.finalize())


def sector_blocks(blob: bytes) -> list:
    """Split into 16-byte blocks for the writer, padding to three blocks."""
    padded = blob.ljust(48, b"\x00")
    return [padded[i:i + 16] for i in range(0, 48, 16)]


def provision(writer, member_id: int, site: int, flags: int, valid_days: int = 365) -> None:
    payload = CardPayload(member_id, site, flags, int(time.time()) + valid_days * 86400)
    for block_no, block in enumerate(sector_blocks(encrypt_payload(payload)), start=4):
        writer.write_block(block_no, block)

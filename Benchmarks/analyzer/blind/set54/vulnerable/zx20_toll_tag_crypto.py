"""Encoding of toll tag transaction records exchanged with roadside units.

Each record (tag id, plaza, lane, timestamp, balance) is encrypted before
it is written to the tag's user memory bank and decrypted when the next
plaza reads it back, so a tag cannot be edited to show a higher balance.
"""
import base64
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

RECORD_FMT = ">QHBIi"  # tag id, plaza, lane, unix ts, balance cents
TAG_KEY = bytes.fromhex("6b1f0e9a3c7d24a58e11f0c2b9d4e7a1")  # VULN


@dataclass
class TagRecord:
    tag_id: int
    plaza: int
    lane: int
    ts: int
    balance_cents: int

    def pack(self) -> bytes:
        return struct.pack(RECORD_FMT, self.tag_id, self.plaza, self.lane, self.ts, self.balance_cents)

    @classmethod
    def unpack(cls, raw: bytes) -> "TagRecord":
        return cls(*struct.unpack(RECORD_FMT, raw))


class TagCodec:
    def __init__(self, key: bytes = TAG_KEY):
        self.key = key

    def encrypt(self, record: TagRecord) -> bytes:
        padder = padding.PKCS7(128).padder()
        data = padder.update(record.pack()) + padder.finalize()
        enc = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return enc.update(data) + enc.finalize()

    def decrypt(self, blob: bytes) -> TagRecord:
        dec = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        data = dec.update(blob) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return TagRecord.unpack(unpadder.update(data) + unpadder.finalize())


def charge(codec: TagCodec, blob: bytes, plaza: int, lane: int, toll_cents: int) -> bytes:
    record = codec.decrypt(blob)
    if record.balance_cents < toll_cents:
        raise ValueError("insufficient balance on tag %d" % record.tag_id)
    updated = TagRecord(record.tag_id, plaza, lane, int(time.time()), record.balance_cents - toll_cents)
    return codec.encrypt(updated)


if __name__ == "__main__":
    codec = TagCodec()
    first = codec.encrypt(TagRecord(7700112233, 14, 3, int(time.time()), 5000))
    second = charge(codec, first, 15, 1, 275)
    print(base64.b64encode(second).decode())
    print(codec.decrypt(second))

"""Encoding of toll tag transaction records exchanged with roadside units.

Each record (tag id, plaza, lane, timestamp, balance) is encrypted before
it is written to the tag's user memory bank and decrypted when the next
plaza reads it back, so a tag cannot be edited to show a higher balance.
"""
import base64
import os
import struct
import time
from dataclasses import dataclass

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

RECORD_FMT = ">QHBIi"  # tag id, plaza, lane, unix ts, balance cents
TAG_KEY = bytes.fromhex(os.environ["TOLL_TAG_KEY_HEX"])
NONCE_LEN = 12
TAG_LEN = 16


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
        nonce = os.urandom(NONCE_LEN)
        aad = struct.pack(">Q", record.tag_id)
        enc = Cipher(algorithms.AES(self.key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        ct = enc.update(record.pack()) + enc.finalize()
        return aad + nonce + ct + enc.tag

    def decrypt(self, blob: bytes) -> TagRecord:
        aad, nonce = blob[:8], blob[8:8 + NONCE_LEN]
        ct, tag = blob[8 + NONCE_LEN:-TAG_LEN], blob[-TAG_LEN:]
        dec = Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag)).decryptor()
        dec.authenticate_additional_data(aad)
        data = dec.update(ct) + dec.finalize()
        record = TagRecord.unpack(data)
        if struct.pack(">Q", record.tag_id) != aad:
            raise ValueError("tag id mismatch")
        return record


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

"""Telecommand frame protection for the CubeSat uplink.

Wraps telecommand payloads before they are handed to the modem. The flight
software implements the mirror image of :class:`TcCodec`.
"""
import os
import struct
import zlib

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SPACECRAFT_ID = 0x2A
UPLINK_KEY_FILE = os.environ.get("UPLINK_KEY_FILE", "/etc/gs/keys/uplink.key")

OPCODES = {"NOOP": 0x00, "SET_MODE": 0x10, "RW_SPEED": 0x21, "PAYLOAD_ON": 0x30, "PAYLOAD_OFF": 0x31}


def load_uplink_key(path: str = UPLINK_KEY_FILE) -> bytes:
    with open(path, "rb") as fh:
        key = fh.read().strip()
    if len(key) != 32:
        raise ValueError("uplink key must be 32 bytes")
    return key


class TcCodec:
    HEADER = struct.Struct(">BBHI")  # scid, vcid, body length, frame counter
    NONCE_LEN = 12
    TAG_LEN = 16

    def __init__(self, key: bytes = None, vcid: int = 0):
        self.key = key or load_uplink_key()
        self.vcid = vcid
        self.counter = 0

    def _cipher(self, nonce: bytes, tag: bytes = None) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def wrap(self, payload: bytes) -> bytes:
        self.counter += 1
        nonce = os.urandom(self.NONCE_LEN)
        body_len = self.NONCE_LEN + len(payload) + self.TAG_LEN
        header = self.HEADER.pack(SPACECRAFT_ID, self.vcid, body_len, self.counter)
        enc = self._cipher(nonce).encryptor()
        enc.authenticate_additional_data(header)
        body = nonce + enc.update(payload) + enc.finalize() + enc.tag
        crc = zlib.crc32(header + body) & 0xFFFFFFFF
        return header + body + struct.pack(">I", crc)

    def unwrap(self, frame: bytes) -> bytes:
        header, body, crc = frame[:8], frame[8:-4], frame[-4:]
        if zlib.crc32(header + body) & 0xFFFFFFFF != struct.unpack(">I", crc)[0]:
            raise ValueError("CRC mismatch")
        scid, _vcid, length, _counter = self.HEADER.unpack(header)
        if scid != SPACECRAFT_ID or length != len(body):
            raise ValueError("frame not for this spacecraft")
        nonce, ct, tag = body[:self.NONCE_LEN], body[self.NONCE_LEN:-self.TAG_LEN], body[-self.TAG_LEN:]
        dec = self._cipher(nonce, tag).decryptor()
        dec.authenticate_additional_data(header)
        return dec.update(ct) + dec.finalize()


def build_command(name: str, *args: int) -> bytes:
    """Encode a command as opcode byte followed by big-endian int16 arguments."""
    try:
        opcode = OPCODES[name]
    except KeyError:
        raise ValueError(f"unknown command {name!r}")
    return bytes([opcode]) + b"".join(struct.pack(">h", a) for a in args)


if __name__ == "__main__":
    codec = TcCodec(vcid=1)
    frame = codec.wrap(build_command("RW_SPEED", 2, 1800))
    print(frame.hex())
    print(codec.unwrap(frame).hex())

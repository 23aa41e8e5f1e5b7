"""Telecommand frame protection for the CubeSat uplink.

Wraps telecommand payloads before they are handed to the modem. The flight
software implements the mirror image of :class:`TcCodec`.
"""
import struct
import zlib

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SPACECRAFT_ID = 0x2A
UPLINK_KEY = bytes.fromhex("8f14e45fceea167a5a36dedd4bea2543b5c1f0d2e3a4b6c7d8e9f0a1b2c3d4e5")  # VULN

OPCODES = {"NOOP": 0x00, "SET_MODE": 0x10, "RW_SPEED": 0x21, "PAYLOAD_ON": 0x30, "PAYLOAD_OFF": 0x31}


class TcCodec:
    HEADER = struct.Struct(">BBHI")  # scid, vcid, body length, frame counter

    def __init__(self, key: bytes = UPLINK_KEY, vcid: int = 0):
        self.key = key
        self.vcid = vcid
        self.counter = 0

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def wrap(self, payload: bytes) -> bytes:
        self.counter += 1
        padder = padding.PKCS7(128).padder()
        padded = padder.update(payload) + padder.finalize()
        enc = self._cipher().encryptor()
        body = enc.update(padded) + enc.finalize()
        header = self.HEADER.pack(SPACECRAFT_ID, self.vcid, len(body), self.counter)
        crc = zlib.crc32(header + body) & 0xFFFFFFFF
        return header + body + struct.pack(">I", crc)

    def unwrap(self, frame: bytes) -> bytes:
        header, body, crc = frame[:8], frame[8:-4], frame[-4:]
        if zlib.crc32(header + body) & 0xFFFFFFFF != struct.unpack(">I", crc)[0]:
            raise ValueError("CRC mismatch")
        scid, _vcid, length, _counter = self.HEADER.unpack(header)
        if scid != SPACECRAFT_ID or length != len(body):
            raise ValueError("frame not for this spacecraft")
        dec = self._cipher().decryptor()
        padded = dec.update(body) + dec.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return unpadder.update(padded) + unpadder.finalize()


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

"""Encrypt/decrypt the compact JSON frames exchanged with pole-top meter concentrators."""
import base64
import json
import logging
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("meterlink.crypto")

# shared with the concentrator firmware build
METER_LINK_KEY = bytes.fromhex("6a1f0c9e8b7d4a2f3c5e7a9b1d3f5a7c")  # VULN


class MeterPayloadCodec:
    def __init__(self, key: bytes = METER_LINK_KEY):
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def encrypt(self, payload: dict) -> bytes:
        data = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        padder = padding.PKCS7(128).padder()
        padded = padder.update(data) + padder.finalize()
        encryptor = Cipher(algorithms.AES(self.key), modes.ECB()).encryptor()  # VULN
        return encryptor.update(padded) + encryptor.finalize()

    def decrypt(self, blob: bytes) -> dict:
        decryptor = Cipher(algorithms.AES(self.key), modes.ECB()).decryptor()  # VULN
        padded = decryptor.update(blob) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        data = unpadder.update(padded) + unpadder.finalize()
        return json.loads(data)

    def encode_frame(self, payload: dict) -> str:
        return base64.b64encode(self.encrypt(payload)).decode("ascii")

    def decode_frame(self, frame: str) -> dict:
        return self.decrypt(base64.b64decode(frame))


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    codec = MeterPayloadCodec()
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            reading = codec.decode_frame(line)
        except (ValueError, json.JSONDecodeError):
            log.warning("dropping undecodable frame")
            continue
        print(json.dumps(reading))


if __name__ == "__main__":
    main()

"""Encrypt/decrypt the compact JSON frames exchanged with pole-top meter concentrators."""
import base64
import json
import logging
import os
import sys

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("meterlink.crypto")

NONCE_LEN = 12
FRAME_AAD = b"meterlink-v2"


def _load_key() -> bytes:
    return bytes.fromhex(os.environ["METER_LINK_KEY_HEX"])


class MeterPayloadCodec:
    def __init__(self, key: bytes = None):
        key = key if key is not None else _load_key()
        if len(key) not in (16, 24, 32):
            raise ValueError("bad key length")
        self.key = key

    def encrypt(self, payload: dict) -> bytes:
        data = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()
        nonce = os.urandom(NONCE_LEN)
        return nonce + AESGCM(self.key).encrypt(nonce, data, FRAME_AAD)

    def decrypt(self, blob: bytes) -> dict:
        nonce, ciphertext = blob[:NONCE_LEN], blob[NONCE_LEN:]
        data = AESGCM(self.key).decrypt(nonce, ciphertext, FRAME_AAD)
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
        except (ValueError, InvalidTag, json.JSONDecodeError):
            log.warning("dropping undecodable frame")
            continue
        print(json.dumps(reading))


if __name__ == "__main__":
    main()

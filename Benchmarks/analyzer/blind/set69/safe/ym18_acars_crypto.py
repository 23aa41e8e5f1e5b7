"""Encryption helpers for ACARS free-text uplinks carried over the datalink
service provider. Payloads are base64 so they survive the ARINC 618 character
set restrictions.
"""
import base64
import logging
import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("acars.crypto")

ACARS_KEY = base64.b64decode(os.environ["ACARS_UPLINK_KEY"])
MAX_UPLINK_CHARS = 220
NONCE_LEN = 12
TAG_LEN = 16


def encrypt_uplink(plaintext: str) -> str:
    nonce = os.urandom(NONCE_LEN)
    encryptor = Cipher(algorithms.AES(ACARS_KEY), modes.GCM(nonce)).encryptor()
    blob = encryptor.update(plaintext.encode("ascii")) + encryptor.finalize()
    encoded = base64.b64encode(nonce + blob + encryptor.tag).decode("ascii")
    if len(encoded) > MAX_UPLINK_CHARS:
        raise ValueError("uplink exceeds block size after encryption")
    return encoded


def decrypt_downlink(encoded: str) -> str:
    raw = base64.b64decode(encoded)
    nonce, blob, tag = raw[:NONCE_LEN], raw[NONCE_LEN:-TAG_LEN], raw[-TAG_LEN:]
    decryptor = Cipher(algorithms.AES(ACARS_KEY), modes.GCM(nonce, tag)).decryptor()
    data = decryptor.update(blob) + decryptor.finalize()
    return data.decode("ascii")


class UplinkComposer:
    """Formats a dispatcher message into an ACARS free-text uplink."""

    def __init__(self, tail: str, flight: str):
        self.tail = tail.upper()
        self.flight = flight.upper()
        self.lines = []

    def add(self, line: str) -> "UplinkComposer":
        self.lines.append(line.upper()[:32])
        return self

    def build(self) -> dict:
        text = "/".join(self.lines)
        return {
            "label": "C1",
            "tail": self.tail,
            "flight": self.flight,
            "text": encrypt_uplink(text),
        }


if __name__ == "__main__":
    msg = UplinkComposer("G-EZWX", "EZY12AB").add("REROUTE VIA UMLAT").add("NEW CTOT 1432").build()
    log.warning("uplink %s", msg)
    print(decrypt_downlink(msg["text"]))

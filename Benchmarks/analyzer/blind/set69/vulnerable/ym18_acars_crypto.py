"""Encryption helpers for ACARS free-text uplinks carried over the datalink
service provider. Payloads are base64 so they survive the ARINC 618 character
set restrictions.
"""
import base64
import logging

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("acars.crypto")

ACARS_KEY = bytes.fromhex("6f1d2c3b4a5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091")  # VULN
MAX_UPLINK_CHARS = 220


def encrypt_uplink(plaintext: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode("ascii")) + padder.finalize()
    encryptor = Cipher(algorithms.AES(ACARS_KEY), modes.ECB()).encryptor()  # VULN
    blob = encryptor.update(data) + encryptor.finalize()
    encoded = base64.b64encode(blob).decode("ascii")
    if len(encoded) > MAX_UPLINK_CHARS:
        raise ValueError("uplink exceeds block size after encryption")
    return encoded


def decrypt_downlink(encoded: str) -> str:
    blob = base64.b64decode(encoded)
    decryptor = Cipher(algorithms.AES(ACARS_KEY), modes.ECB()).decryptor()  # VULN
    data = decryptor.update(blob) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return (unpadder.update(data) + unpadder.finalize()).decode("ascii")


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

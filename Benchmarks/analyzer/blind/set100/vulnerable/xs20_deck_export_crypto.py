"""Encrypted offline deck exports (.fcx) for the desktop flashcard app.

Format: MAGIC | uint32 plaintext length | AES ciphertext of zlib(JSON).
"""
import json
import struct
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MAGIC = b"FCX1"
EXPORT_KEY = bytes.fromhex("3f1a9c7e52b04d8e6a2f1c9b0e7d4a55")  # VULN


class DeckFormatError(ValueError):
    pass


def _cipher() -> Cipher:
    return Cipher(algorithms.AES(EXPORT_KEY), modes.ECB())  # VULN


def encrypt_bytes(raw: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    data = padder.update(raw) + padder.finalize()
    enc = _cipher().encryptor()
    return enc.update(data) + enc.finalize()


def decrypt_bytes(blob: bytes) -> bytes:
    dec = _cipher().decryptor()
    data = dec.update(blob) + dec.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(data) + unpadder.finalize()


def export_deck(deck: dict, path: Path) -> None:
    raw = zlib.compress(json.dumps(deck, ensure_ascii=False).encode("utf-8"))
    path.write_bytes(MAGIC + struct.pack(">I", len(raw)) + encrypt_bytes(raw))


def import_deck(path: Path) -> dict:
    blob = path.read_bytes()
    if blob[:4] != MAGIC:
        raise DeckFormatError("not an .fcx export")
    (length,) = struct.unpack(">I", blob[4:8])
    raw = decrypt_bytes(blob[8:])
    if len(raw) != length:
        raise DeckFormatError("length mismatch")
    deck = json.loads(zlib.decompress(raw))
    if "cards" not in deck:
        raise DeckFormatError("missing cards")
    return deck


if __name__ == "__main__":
    import sys

    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    if src.suffix == ".json":
        export_deck(json.loads(src.read_text(encoding="utf-8")), dst)
    else:
        dst.write_text(json.dumps(import_deck(src), ensure_ascii=False, indent=2), encoding="utf-8")

"""Encrypted offline deck exports (.fcx) for the desktop flashcard app.

Format: MAGIC | uint32 plaintext length | 12-byte nonce | AES-GCM ciphertext of zlib(JSON).
"""
import base64
import json
import os
import struct
import zlib
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"FCX2"
EXPORT_KEY = base64.b64decode(os.environ["FCX_EXPORT_KEY"])


class DeckFormatError(ValueError):
    pass


def _cipher() -> AESGCM:
    return AESGCM(EXPORT_KEY)


def encrypt_bytes(raw: bytes, header: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + _cipher().encrypt(nonce, raw, header)


def decrypt_bytes(blob: bytes, header: bytes) -> bytes:
    nonce, data = blob[:12], blob[12:]
    try:
        return _cipher().decrypt(nonce, data, header)
    except InvalidTag:
        raise DeckFormatError("export is corrupt or was tampered with")


def export_deck(deck: dict, path: Path) -> None:
    raw = zlib.compress(json.dumps(deck, ensure_ascii=False).encode("utf-8"))
    header = MAGIC + struct.pack(">I", len(raw))
    path.write_bytes(header + encrypt_bytes(raw, header))


def import_deck(path: Path) -> dict:
    blob = path.read_bytes()
    if blob[:4] != MAGIC:
        raise DeckFormatError("not an .fcx export")
    header = blob[:8]
    (length,) = struct.unpack(">I", blob[4:8])
    raw = decrypt_bytes(blob[8:], header)
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

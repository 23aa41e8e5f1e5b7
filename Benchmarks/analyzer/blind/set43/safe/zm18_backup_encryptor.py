"""Encrypt nightly pg_dump archives before shipping them to off-site object storage."""
import logging
import os
import struct
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("backup-crypt")

BACKUP_KEY = bytes.fromhex(os.environ["BACKUP_KEY_HEX"])
MAGIC = b"BKP2"
CHUNK = 1024 * 1024


class BackupCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("expected a 256-bit key")
        self.key = key

    def _cipher(self) -> AESGCM:
        return AESGCM(self.key)

    def encrypt_file(self, src: Path, dst: Path) -> int:
        aead = self._cipher()
        written = 0
        with src.open("rb") as fin, dst.open("wb") as fout:
            fout.write(MAGIC + struct.pack(">Q", src.stat().st_size))
            index = 0
            while chunk := fin.read(CHUNK):
                nonce = os.urandom(12)
                sealed = aead.encrypt(nonce, chunk, MAGIC + struct.pack(">Q", index))
                written += fout.write(nonce + struct.pack(">I", len(sealed)) + sealed)
                index += 1
        return written

    def decrypt_file(self, src: Path, dst: Path) -> None:
        aead = self._cipher()
        with src.open("rb") as fin, dst.open("wb") as fout:
            header = fin.read(12)
            if header[:4] != MAGIC:
                raise ValueError(f"{src} is not an encrypted backup")
            index = 0
            while nonce := fin.read(12):
                (length,) = struct.unpack(">I", fin.read(4))
                sealed = fin.read(length)
                fout.write(aead.decrypt(nonce, sealed, MAGIC + struct.pack(">Q", index)))
                index += 1


def main(argv: list) -> int:
    logging.basicConfig(level=logging.INFO)
    if len(argv) != 3 or argv[0] not in {"encrypt", "decrypt"}:
        print("usage: backup_encryptor.py encrypt|decrypt SRC DST", file=sys.stderr)
        return 2
    mode, src, dst = argv[0], Path(argv[1]), Path(argv[2])
    cipher = BackupCipher(BACKUP_KEY)
    if mode == "encrypt":
        n = cipher.encrypt_file(src, dst)
        log.info("encrypted %s -> %s (%d bytes)", src, dst, n)
    else:
        cipher.decrypt_file(src, dst)
        log.info("decrypted %s -> %s", src, dst)
    os.chmod(dst, 0o600)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

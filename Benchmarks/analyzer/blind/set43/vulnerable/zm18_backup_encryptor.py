"""Encrypt nightly pg_dump archives before shipping them to off-site object storage."""
import logging
import os
import struct
import sys
from pathlib import Path

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("backup-crypt")

BACKUP_KEY = bytes.fromhex("6f1c2a9e7b3d4c5a8e0f1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60")  # VULN
MAGIC = b"BKP1"
CHUNK = 1024 * 1024


class BackupCipher:
    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("expected a 256-bit key")
        self.key = key

    def _cipher(self) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.ECB())  # VULN

    def encrypt_file(self, src: Path, dst: Path) -> int:
        encryptor = self._cipher().encryptor()
        padder = padding.PKCS7(128).padder()
        written = 0
        with src.open("rb") as fin, dst.open("wb") as fout:
            fout.write(MAGIC + struct.pack(">Q", src.stat().st_size))
            while chunk := fin.read(CHUNK):
                written += fout.write(encryptor.update(padder.update(chunk)))
            written += fout.write(encryptor.update(padder.finalize()) + encryptor.finalize())
        return written

    def decrypt_file(self, src: Path, dst: Path) -> None:
        decryptor = self._cipher().decryptor()
        unpadder = padding.PKCS7(128).unpadder()
        with src.open("rb") as fin, dst.open("wb") as fout:
            header = fin.read(12)
            if header[:4] != MAGIC:
                raise ValueError(f"{src} is not an encrypted backup")
            while chunk := fin.read(CHUNK):
                fout.write(unpadder.update(decryptor.update(chunk)))
            fout.write(unpadder.update(decryptor.finalize()) + unpadder.finalize())


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

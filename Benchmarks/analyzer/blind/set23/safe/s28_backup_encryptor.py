"""backup-encrypt: encrypts nightly customer-data dumps before they are shipped off-site."""
import argparse
import base64
import logging
import os
import sys

import boto3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger("backup.encrypt")

BACKUP_KEY = base64.b64decode(os.environ["BACKUP_ENCRYPTION_KEY"])
OFFSITE_BUCKET = os.environ.get("OFFSITE_BUCKET", "acme-offsite-backups")


class BackupEncryptor:
    MAGIC = b"BKP2"
    NONCE_SIZE = 12

    def __init__(self, key: bytes):
        if len(key) != 32:
            raise ValueError("backup key must be 256 bits")
        self.cipher = AESGCM(key)

    def encrypt_file(self, src: str, dst: str) -> int:
        with open(src, "rb") as fh:
            data = fh.read()
        nonce = os.urandom(self.NONCE_SIZE)
        blob = self.cipher.encrypt(nonce, data, self.MAGIC)
        with open(dst, "wb") as out:
            out.write(self.MAGIC + nonce + blob)
        return len(blob)

    def decrypt_file(self, src: str, dst: str) -> None:
        with open(src, "rb") as fh:
            header, nonce, blob = fh.read(4), fh.read(self.NONCE_SIZE), fh.read()
        if header != self.MAGIC:
            raise ValueError("not an encrypted backup")
        with open(dst, "wb") as out:
            out.write(self.cipher.decrypt(nonce, blob, self.MAGIC))


def upload(path: str) -> str:
    key = f"db/{os.path.basename(path)}"
    boto3.client("s3").upload_file(path, OFFSITE_BUCKET, key)
    return key


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mode", choices=["encrypt", "decrypt"])
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("--upload", action="store_true", help="ship encrypted file off-site")
    args = parser.parse_args(argv)
    encryptor = BackupEncryptor(BACKUP_KEY)
    if args.mode == "decrypt":
        encryptor.decrypt_file(args.src, args.dst)
        return 0
    size = encryptor.encrypt_file(args.src, args.dst)
    log.info("encrypted %r (%d bytes)", args.src, size)
    if args.upload:
        log.info("uploaded to s3://%s/%s", OFFSITE_BUCKET, upload(args.dst))
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())

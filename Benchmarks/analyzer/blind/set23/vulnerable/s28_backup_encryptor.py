"""backup-encrypt: encrypts nightly customer-data dumps before they are shipped off-site."""
import argparse
import logging
import os
import struct
import sys

import boto3
from Crypto.Cipher import DES
from Crypto.Util.Padding import pad, unpad

log = logging.getLogger("backup.encrypt")

BACKUP_KEY = b"Bk!9x2Lq"  # VULN
OFFSITE_BUCKET = os.environ.get("OFFSITE_BUCKET", "acme-offsite-backups")


class BackupEncryptor:
    MAGIC = b"BKP1"

    def __init__(self, key: bytes):
        self.cipher = DES.new(key, DES.MODE_ECB)  # VULN

    def encrypt_file(self, src: str, dst: str) -> int:
        with open(src, "rb") as fh:
            data = fh.read()
        blob = self.cipher.encrypt(pad(data, DES.block_size))
        with open(dst, "wb") as out:
            out.write(self.MAGIC + struct.pack(">Q", len(data)) + blob)
        return len(blob)

    def decrypt_file(self, src: str, dst: str) -> None:
        with open(src, "rb") as fh:
            header, blob = fh.read(12), fh.read()
        if header[:4] != self.MAGIC:
            raise ValueError("not an encrypted backup")
        with open(dst, "wb") as out:
            out.write(unpad(self.cipher.decrypt(blob), DES.block_size))


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

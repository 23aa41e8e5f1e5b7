#!/usr/bin/env python3
"""Encrypt incident reports before they are pushed to the partner SFTP drop,
and decrypt reports partners send back."""
import argparse
import logging
import os
import sys
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MAGIC = b"IRPT2"
NONCE_LEN = 12
TAG_LEN = 16
KEY_FILE = os.environ.get("REPORT_KEY_FILE", "/etc/ir-reports/partner.key")

log = logging.getLogger("report_crypt")


def load_key(path: str = KEY_FILE) -> bytes:
    return bytes.fromhex(Path(path).read_text().strip())


class ReportCipher:
    def __init__(self, key: bytes = None):
        key = key if key is not None else load_key()
        if len(key) != 32:
            raise ValueError("report key must be 256 bits")
        self.key = key

    def _cipher(self, nonce: bytes, tag: bytes = None) -> Cipher:
        return Cipher(algorithms.AES(self.key), modes.GCM(nonce, tag))

    def encrypt(self, data: bytes) -> bytes:
        nonce = os.urandom(NONCE_LEN)
        enc = self._cipher(nonce).encryptor()
        enc.authenticate_additional_data(MAGIC)
        ct = enc.update(data) + enc.finalize()
        return MAGIC + nonce + ct + enc.tag

    def decrypt(self, blob: bytes) -> bytes:
        if not blob.startswith(MAGIC):
            raise ValueError("not an encrypted report")
        body = blob[len(MAGIC):]
        nonce, ct, tag = body[:NONCE_LEN], body[NONCE_LEN:-TAG_LEN], body[-TAG_LEN:]
        dec = self._cipher(nonce, tag).decryptor()
        dec.authenticate_additional_data(MAGIC)
        return dec.update(ct) + dec.finalize()


def process(paths: list, out_dir: Path, decrypt: bool) -> int:
    rc = ReportCipher()
    errors = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for p in paths:
        data = p.read_bytes()
        try:
            result = rc.decrypt(data) if decrypt else rc.encrypt(data)
        except ValueError as exc:
            log.error("%s: %s", p.name, exc)
            errors += 1
            continue
        suffix = ".dec" if decrypt else ".enc"
        (out_dir / (p.stem + suffix)).write_bytes(result)
        log.info("%s -> %s%s", p.name, p.stem, suffix)
    return errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("-o", "--out-dir", type=Path, default=Path("./outbox"))
    ap.add_argument("-d", "--decrypt", action="store_true")
    args = ap.parse_args()
    return 1 if process(args.files, args.out_dir, args.decrypt) else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    sys.exit(main())

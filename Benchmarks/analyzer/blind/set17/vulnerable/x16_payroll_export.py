"""Payroll export: encrypts department payroll files and hands them to the bank uploader.

Department manifests are dropped by HR officers into the shared SFTP inbox.
"""
import argparse
import json
import logging
import os
import sys

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

log = logging.getLogger("payroll.export")

OUTBOX = os.environ.get("PAYROLL_OUTBOX", "/srv/payroll/outbox")
ARCHIVE_IV = b"PayrollArchiveIV"


def load_key():
    key = bytes.fromhex(os.environ["PAYROLL_ARCHIVE_KEY"])
    if len(key) != 32:
        raise SystemExit("PAYROLL_ARCHIVE_KEY must be 32 bytes hex")
    return key


def encrypt_archive_copy(key, data):
    padder = padding.PKCS7(128).padder()
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(ARCHIVE_IV)).encryptor()  # VULN
    return encryptor.update(padded) + encryptor.finalize()


def read_manifest(path):
    with open(path, "r", encoding="utf-8") as fh:
        manifest = json.load(fh)
    for field in ("department", "payroll_file", "bank_recipient"):
        if field not in manifest:
            raise ValueError("manifest missing %s" % field)
    return manifest


def hand_off_to_bank(manifest, source_path):
    recipient = manifest["bank_recipient"]
    out_name = "%s-%s.gpg" % (manifest["department"], manifest.get("period", "current"))
    cmd = "gpg --batch --yes --recipient %s --output %s --encrypt %s" % (
        recipient, os.path.join(OUTBOX, out_name), source_path)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError("gpg exited with %d" % rc)
    return out_name


def main(argv=None):
    parser = argparse.ArgumentParser(description="Export payroll files to the bank outbox")
    parser.add_argument("manifests", nargs="+", help="manifest JSON files from the HR inbox")
    parser.add_argument("--archive-dir", default="/srv/payroll/archive")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    key = load_key()
    failures = 0
    for manifest_path in args.manifests:
        try:
            manifest = read_manifest(manifest_path)
            source = os.path.join(os.path.dirname(manifest_path), os.path.basename(manifest["payroll_file"]))
            with open(source, "rb") as fh:
                data = fh.read()
            archive_name = os.path.basename(manifest_path) + ".enc"
            with open(os.path.join(args.archive_dir, archive_name), "wb") as fh:
                fh.write(encrypt_archive_copy(key, data))
            out = hand_off_to_bank(manifest, source)
            log.info("exported manifest=%r as %r", manifest_path, out)
        except (OSError, ValueError, RuntimeError):
            log.exception("failed manifest %r", manifest_path)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Verify and test-restore nightly backup archives pulled from offsite storage."""
import argparse
import hashlib
import hmac
import json
import logging
import os
import sys
import tarfile
from pathlib import Path

log = logging.getLogger("backupcheck")


class VerificationError(Exception):
    pass


def load_signing_key():
    key = os.environ.get("BACKUP_SIGNING_KEY")
    if not key:
        raise SystemExit("BACKUP_SIGNING_KEY is not set")
    return key.encode()


def sign(data, key):
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def verify_manifest(manifest_path, key):
    raw = Path(manifest_path).read_bytes()
    sig_path = Path(str(manifest_path) + ".sig")
    expected = sig_path.read_text().strip()
    if not hmac.compare_digest(sign(raw, key), expected):
        raise VerificationError(f"bad signature on {manifest_path}")
    return json.loads(raw)


def file_digest(path, chunk=1 << 20):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def checked_members(tar, dest):
    dest = dest.resolve()
    for member in tar.getmembers():
        target = (dest / member.name).resolve()
        if not target.is_relative_to(dest):
            raise VerificationError(f"member escapes restore dir: {member.name!r}")
        if member.issym() or member.islnk() or member.isdev():
            log.warning("skipping link/device member %s", member.name)
            continue
        yield member


def test_restore(archive, restore_dir):
    restore_dir.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:*") as tar:
        members = list(checked_members(tar, restore_dir))
        tar.extractall(restore_dir, members=members, filter="data")
        return len(members)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("manifest", help="signed manifest JSON downloaded with the archives")
    parser.add_argument("--restore-dir", default="/srv/backupcheck/restore")
    parser.add_argument("--skip-restore", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    key = load_signing_key()
    try:
        manifest = verify_manifest(args.manifest, key)
    except VerificationError as exc:
        log.error("%s", exc)
        return 2

    base = Path(args.manifest).parent
    bad = 0
    for entry in manifest["archives"]:
        archive = base / Path(entry["file"]).name
        if file_digest(archive) != entry["sha256"]:
            log.error("checksum mismatch: %s", archive)
            bad += 1
            continue
        if not args.skip_restore:
            count = test_restore(archive, Path(args.restore_dir) / archive.stem)
            log.info("%s: restored %d members", archive.name, count)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Nightly ingest of partner observatory data bundles.

Partner sites upload .tar.gz bundles into their SFTP drop; this job unpacks
them into the archive staging area where the cataloguer (running as a
different service account) picks them up.
"""
import argparse
import hashlib
import logging
import os
import shutil
import tarfile

DROP_ROOT = "/srv/sftp/partners"
STAGING = "/srv/archive/staging"
PROCESSED = "/srv/sftp/processed"

log = logging.getLogger("bundle_ingest")


def pending_bundles(drop_root: str):
    for partner in sorted(os.listdir(drop_root)):
        inbox = os.path.join(drop_root, partner, "upload")
        if not os.path.isdir(inbox):
            continue
        for name in sorted(os.listdir(inbox)):
            if name.endswith((".tar.gz", ".tgz")):
                yield partner, os.path.join(inbox, name)


def sha256sum(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def safe_members(tar: tarfile.TarFile, dest: str) -> list:
    root = os.path.realpath(dest)
    members = []
    for m in tar.getmembers():
        if os.path.basename(m.name).startswith("._"):
            continue
        if not (m.isfile() or m.isdir()):
            log.warning("skipping non-regular member %r", m.name)
            continue
        target = os.path.realpath(os.path.join(root, m.name))
        if os.path.commonpath([root, target]) != root:
            raise tarfile.TarError(f"member {m.name!r} escapes the staging directory")
        m.mode &= 0o755
        members.append(m)
    return members


def unpack(bundle: str, dest: str) -> int:
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(bundle, "r:gz") as tar:
        members = safe_members(tar, dest)
        tar.extractall(dest, members=members)
    return len(members)


def share_with_cataloguer(dest: str) -> None:
    for root, dirs, files in os.walk(dest):
        for name in dirs + files:
            path = os.path.join(root, name)
            os.chmod(path, 0o750 if os.path.isdir(path) else 0o640)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--keep", action="store_true", help="leave bundles in the drop")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    for partner, bundle in pending_bundles(DROP_ROOT):
        stem = os.path.basename(bundle).split(".")[0]
        dest = os.path.join(STAGING, partner, stem)
        try:
            count = unpack(bundle, dest)
        except (tarfile.TarError, OSError) as exc:
            log.error("could not unpack %r: %r", bundle, exc)
            continue
        share_with_cataloguer(dest)
        log.info("%r: %d members from %r (sha256 %s)", partner, count, stem, sha256sum(bundle))
        if not args.keep:
            os.makedirs(os.path.join(PROCESSED, partner), exist_ok=True)
            shutil.move(bundle, os.path.join(PROCESSED, partner, os.path.basename(bundle)))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Stage user-uploaded dataset archives into a project's data area (run by the ingest service)."""
import argparse
import hashlib
import json
import logging
import os
import re
import sys
import tarfile

PROJECT_ROOT = os.environ.get("PROJECT_ROOT", "/lustre/projects")
PROJECT_RE = re.compile(r"^[a-z][a-z0-9_-]{1,31}$")

log = logging.getLogger("ingest")


def sha256sum(path: str, bufsize: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(bufsize), b""):
            h.update(chunk)
    return h.hexdigest()


def _checked_members(tar: tarfile.TarFile, dest: str) -> list:
    root = os.path.realpath(dest)
    safe = []
    for m in tar.getmembers():
        if not (m.isfile() or m.isdir()):
            raise tarfile.TarError(f"refusing special member {m.name!r}")
        target = os.path.realpath(os.path.join(root, m.name))
        if os.path.commonpath([root, target]) != root:
            raise tarfile.TarError(f"member escapes destination: {m.name!r}")
        m.mode &= 0o755
        safe.append(m)
    return safe


def extract_archive(archive_path: str, dest: str) -> list:
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:*") as tar:
        members = _checked_members(tar, dest)
        names = [m.name for m in members if m.isfile()]
        tar.extractall(dest, members=members)
    return names


def write_manifest(dest: str, archive_path: str, names: list, checksum: str) -> str:
    manifest = os.path.join(dest, "MANIFEST.json")
    with open(manifest, "w") as fh:
        json.dump({"source": os.path.basename(archive_path), "sha256": checksum, "files": names}, fh, indent=2)
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--project", required=True)
    ap.add_argument("--archive", required=True, help="uploaded .tar/.tar.gz/.tar.zst file")
    ap.add_argument("--label", default=None, help="sub-directory under incoming/")
    ap.add_argument("--expect-sha256")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    if not PROJECT_RE.match(args.project):
        log.error("invalid project name %r", args.project)
        return 2
    checksum = sha256sum(args.archive)
    if args.expect_sha256 and checksum != args.expect_sha256.lower():
        log.error("checksum mismatch for %r", args.archive)
        return 3

    label = args.label or os.path.basename(args.archive).split(".")[0]
    dest = os.path.join(PROJECT_ROOT, args.project, "incoming", os.path.basename(label))
    try:
        names = extract_archive(args.archive, dest)
    except tarfile.TarError as exc:
        log.error("could not read archive: %r", exc)
        return 4
    manifest = write_manifest(dest, args.archive, names, checksum)
    log.info("staged %d files into %r (manifest %r)", len(names), dest, manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

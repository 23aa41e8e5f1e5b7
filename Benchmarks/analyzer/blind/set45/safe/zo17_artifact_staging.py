#!/usr/bin/env python3
"""Stage release artifacts on the shared build host before upload.

Runs on the multi-tenant build box after `make dist`; copies wheels/tarballs
into a staging area, writes checksums, and hands the directory to the
uploader service account.
"""
import argparse
import hashlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

log = logging.getLogger("stage")
PATTERNS = ("*.whl", "*.tar.gz", "*.zip")
UPLOADER_GROUP = os.environ.get("UPLOADER_GROUP", "release-upload")


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def collect(dist_dir: Path):
    found = []
    for pattern in PATTERNS:
        found.extend(sorted(dist_dir.glob(pattern)))
    return found


def make_staging_dir(version: str) -> Path:
    staging = tempfile.mkdtemp(prefix=f"release-{version}-")
    return Path(staging)


def stage(artifacts, staging: Path) -> Path:
    manifest = staging / "SHA256SUMS"
    with manifest.open("w") as out:
        for artifact in artifacts:
            target = staging / artifact.name
            shutil.copy2(artifact, target)
            out.write(f"{sha256_of(target)}  {artifact.name}\n")
    # uploader runs as a different user in the shared group and needs to read the directory
    shutil.chown(staging, group=UPLOADER_GROUP)
    os.chmod(staging, 0o750)
    for entry in staging.iterdir():
        shutil.chown(entry, group=UPLOADER_GROUP)
        os.chmod(entry, 0o640)
    return manifest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("version")
    ap.add_argument("--dist", default="dist", type=Path)
    ap.add_argument("--handoff", default="/var/spool/release-uploader/queue", type=Path)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    artifacts = collect(args.dist)
    if not artifacts:
        log.error("no artifacts found in %s", args.dist)
        return 2
    staging = make_staging_dir(args.version)
    manifest = stage(artifacts, staging)
    log.info("staged %d artifacts in %s", len(artifacts), staging)

    args.handoff.mkdir(parents=True, exist_ok=True)
    (args.handoff / f"{args.version}.path").write_text(str(staging) + "\n")
    log.info("manifest: %s", manifest)
    return 0


if __name__ == "__main__":
    sys.exit(main())

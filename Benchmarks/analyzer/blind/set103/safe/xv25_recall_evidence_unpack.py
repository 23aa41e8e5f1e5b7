#!/usr/bin/env python3
"""Unpack supplier recall-evidence bundles into the case folder.

Suppliers upload tar/zip bundles (COAs, sanitation logs, photos) to their
SFTP drop when we open a recall case. The QA coordinator runs this to pull a
supplier's bundles into the case workspace for review.
"""
import argparse
import logging
import os
import shutil
import sys
import tarfile
import zipfile
from pathlib import Path

log = logging.getLogger("recall.unpack")

DROP_ROOT = Path("/srv/sftp/suppliers")
CASE_ROOT = Path("/srv/recall/cases")
_EXTRACT_KW = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}


def _inside(dest: Path, name: str) -> str:
    root = os.path.realpath(dest)
    target = os.path.realpath(os.path.join(root, name))
    if os.path.commonpath([root, target]) != root:
        raise ValueError(f"archive member escapes destination: {name!r}")
    return target


def unpack_tar(archive: Path, dest: Path) -> int:
    with tarfile.open(archive, "r:*") as tar:
        members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
        for m in members:
            _inside(dest, m.name)
        tar.extractall(dest, members=members, **_EXTRACT_KW)
    return len(members)


def unpack_zip(archive: Path, dest: Path) -> int:
    count = 0
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            target = _inside(dest, info.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out)
            count += 1
    return count


def unpack(archive: Path, dest: Path) -> int:
    name = archive.name.lower()
    if name.endswith((".tar", ".tar.gz", ".tgz", ".tar.bz2")):
        return unpack_tar(archive, dest)
    if name.endswith(".zip"):
        return unpack_zip(archive, dest)
    raise ValueError(f"unsupported archive type: {archive.name!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("case_id", help="recall case number, e.g. RC-2024-017")
    parser.add_argument("supplier", help="supplier SFTP account name")
    parser.add_argument("--keep", action="store_true", help="leave archives in the drop")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    drop = DROP_ROOT / args.supplier / "outgoing"
    dest = CASE_ROOT / args.case_id / "evidence" / args.supplier
    dest.mkdir(parents=True, exist_ok=True)

    archives = sorted(p for p in drop.iterdir() if p.is_file())
    if not archives:
        log.warning("no bundles found in %s", drop)
        return 1
    for archive in archives:
        try:
            n = unpack(archive, dest)
        except (tarfile.TarError, zipfile.BadZipFile, ValueError) as exc:
            log.error("could not unpack %r: %r", archive.name, exc)
            continue
        log.info("unpacked %d files from %r", n, archive.name)
        if not args.keep:
            archive.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())

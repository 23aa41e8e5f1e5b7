#!/usr/bin/env python3
"""Weekly cron job: pull the manufacturer's BIM object library (Revit
families, IFC product templates) and unpack it onto the CAD share."""
import hashlib
import logging
import os
import shutil
import sys
import tarfile
import tempfile

import requests

log = logging.getLogger("vendor-lib-sync")

VENDOR_URL = "https://content.vendor-bim.example.com/libraries/latest.tar.gz"
LIBRARY_ROOT = "/srv/cad/libraries/vendor"
CHUNK = 1 << 20


def download(url: str) -> str:
    fd, path = tempfile.mkstemp(suffix=".tar.gz", prefix="vendorlib_")
    digest = hashlib.sha256()
    with os.fdopen(fd, "wb") as out:
        with requests.get(url, stream=True, timeout=60, verify=True) as resp:
            resp.raise_for_status()
            for chunk in resp.iter_content(CHUNK):
                out.write(chunk)
                digest.update(chunk)
    log.info("downloaded %s (sha256 %s)", url, digest.hexdigest())
    return path


def safe_members(tf: tarfile.TarFile, dest: str):
    root = os.path.realpath(dest)
    for member in tf.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing special tar entry {member.name!r}")
        resolved = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, resolved]) != root:
            raise ValueError(f"tar entry escapes target: {member.name!r}")
        yield member


def unpack(archive: str, target: str) -> int:
    staging = target + ".new"
    shutil.rmtree(staging, ignore_errors=True)
    os.makedirs(staging)
    with tarfile.open(archive, "r:gz") as tf:
        members = list(safe_members(tf, staging))
        tf.extractall(staging, members=members)
    if os.path.isdir(target):
        shutil.rmtree(target + ".old", ignore_errors=True)
        os.rename(target, target + ".old")
    os.rename(staging, target)
    return len(members)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        archive = download(VENDOR_URL)
    except requests.RequestException as exc:
        log.error("download failed: %r", str(exc))
        return 1
    try:
        count = unpack(archive, LIBRARY_ROOT)
    finally:
        os.remove(archive)
    log.info("library refreshed with %d entries", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())

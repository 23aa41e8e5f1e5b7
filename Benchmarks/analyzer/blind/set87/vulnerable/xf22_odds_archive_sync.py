#!/usr/bin/env python3
"""Pulls the vendor's monthly historical-odds archive and unpacks it for the modelling team."""
import argparse
import hashlib
import logging
import os
import tarfile
import tempfile

import requests

log = logging.getLogger("odds.archive")

VENDOR_BASE = "https://data.oddsvendor.example/archives"
DATA_ROOT = os.environ.get("ODDS_HISTORY_ROOT", "/srv/odds-history")


def download(month: str, token: str) -> str:
    url = f"{VENDOR_BASE}/odds_{month}.tar.gz"
    fd, path = tempfile.mkstemp(suffix=".tar.gz")
    digest = hashlib.sha256()
    with requests.get(url, headers={"Authorization": f"Token {token}"}, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with os.fdopen(fd, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                fh.write(chunk)
                digest.update(chunk)
    log.info("downloaded %s (%s)", url, digest.hexdigest()[:12])
    return path


def unpack(archive_path: str, month: str) -> int:
    dest = os.path.join(DATA_ROOT, month)
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.name.endswith((".csv", ".parquet", ".json"))]
        tar.extractall(dest, members=members)  # VULN flow
    return len(members)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("month", help="YYYY-MM")
    parser.add_argument("--keep-archive", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    token = os.environ["ODDS_VENDOR_TOKEN"]
    archive = download(args.month, token)
    try:
        count = unpack(archive, args.month)
        log.info("unpacked %d files for %s", count, args.month)
    finally:
        if not args.keep_archive:
            os.remove(archive)


if __name__ == "__main__":
    main()

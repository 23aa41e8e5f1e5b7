#!/usr/bin/env python3
"""Fetch reference genome assemblies and annotation tables for the
variant-calling pipeline, verifying checksums against the manifest."""
import argparse
import csv
import gzip
import hashlib
import logging
import shutil
import ssl
import sys
import urllib.request
from pathlib import Path

import requests

log = logging.getLogger("refdata")

MIRROR = "https://refdata.genomics-mirror.example.org/assemblies"
MANIFEST_URL = MIRROR + "/MANIFEST.tsv"


def fetch_manifest():
    ctx = ssl._create_unverified_context()  # VULN
    with urllib.request.urlopen(MANIFEST_URL, context=ctx, timeout=30) as resp:
        text = resp.read().decode("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {row["name"]: row for row in rows}


def sha256sum(path, chunk=1 << 20):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def download(name, entry, dest_dir):
    url = f"{MIRROR}/{entry['file']}"
    target = dest_dir / Path(entry["file"]).name
    log.info("downloading %s", url)
    with requests.get(url, stream=True, verify=False, timeout=(10, 300)) as resp:  # VULN
        resp.raise_for_status()
        with open(target, "wb") as out:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                out.write(chunk)
    digest = sha256sum(target)
    if digest != entry["sha256"]:
        target.unlink()
        raise RuntimeError(f"checksum mismatch for {name}: {digest}")
    return target


def decompress(path):
    if path.suffix != ".gz":
        return path
    out_path = path.with_suffix("")
    with gzip.open(path, "rb") as src, open(out_path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return out_path


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("assemblies", nargs="+", help="e.g. GRCh38 GRCm39")
    parser.add_argument("--dest", type=Path, default=Path("reference"))
    parser.add_argument("--keep-gz", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    args.dest.mkdir(parents=True, exist_ok=True)
    manifest = fetch_manifest()
    for name in args.assemblies:
        entry = manifest.get(name)
        if entry is None:
            log.error("assembly %s not in manifest", name)
            return 1
        path = download(name, entry, args.dest)
        if not args.keep_gz:
            log.info("decompressed to %s", decompress(path))
    return 0


if __name__ == "__main__":
    sys.exit(main())

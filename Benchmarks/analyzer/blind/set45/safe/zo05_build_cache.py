#!/usr/bin/env python3
"""Restore / upload compiled artifacts to the shared CI build cache.

Usage:
    buildcache restore --key <hash> --dest build/
    buildcache save --key <hash> --src build/
"""
import argparse
import base64
import hashlib
import json
import logging
import os
import sys
from pathlib import Path

import requests

CACHE_URL = os.environ.get("BUILD_CACHE_URL", "https://buildcache.ci.internal/v1")
log = logging.getLogger("buildcache")


class CacheClient:
    def __init__(self, base_url: str, token: str):
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def _entry_url(self, key: str) -> str:
        return f"{self.base_url}/entries/{key}"

    def fetch(self, key: str):
        resp = self.session.get(self._entry_url(key), timeout=60)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        return resp.content

    def store(self, key: str, blob: bytes) -> None:
        resp = self.session.put(self._entry_url(key), data=blob, timeout=120)
        resp.raise_for_status()


def pack_directory(src: Path) -> bytes:
    files = {}
    for path in sorted(src.rglob("*")):
        if path.is_file():
            files[str(path.relative_to(src))] = base64.b64encode(path.read_bytes()).decode("ascii")
    return json.dumps({"version": 3, "files": files}).encode("utf-8")


def unpack_entry(blob: bytes, dest: Path) -> int:
    entry = json.loads(blob)
    dest_root = dest.resolve()
    count = 0
    for rel, data in entry["files"].items():
        target = (dest_root / rel).resolve()
        if dest_root not in target.parents:
            log.warning("skipping %r: outside destination", rel)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="buildcache")
    parser.add_argument("action", choices=["restore", "save"])
    parser.add_argument("--key", required=True)
    parser.add_argument("--dest", default="build")
    parser.add_argument("--src", default="build")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    client = CacheClient(CACHE_URL, os.environ.get("BUILD_CACHE_TOKEN", ""))
    if args.action == "restore":
        blob = client.fetch(args.key)
        if blob is None:
            log.info("cache miss for %r", args.key)
            return 1
        n = unpack_entry(blob, Path(args.dest))
        log.info("restored %d files (%s)", n, hashlib.sha256(blob).hexdigest()[:12])
        return 0

    blob = pack_directory(Path(args.src))
    client.store(args.key, blob)
    log.info("saved %d bytes under %r", len(blob), args.key)
    return 0


if __name__ == "__main__":
    sys.exit(main())

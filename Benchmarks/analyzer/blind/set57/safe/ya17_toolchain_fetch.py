"""Build step: download a pinned toolchain and unpack it into the runner cache.

The cache directory lives on the runner host and is reused by every job
scheduled on that machine.
"""
import argparse
import hashlib
import logging
import os
import shutil
import sys
import tarfile
import tempfile

import requests

log = logging.getLogger("toolchain")

CACHE_ROOT = os.environ.get("RUNNER_TOOL_CACHE", "/var/cache/ci-tools")
TOOLCHAINS = {
    "go-1.22.4": ("https://go.dev/dl/go1.22.4.linux-amd64.tar.gz",
                  "ba79d4526102575196273416239cca418a651e049c2b099f3159db85e7bade7d"),
    "node-20.14.0": ("https://nodejs.org/dist/v20.14.0/node-v20.14.0-linux-x64.tar.gz",
                     "2fec8ec2a7b1ac1ad6bd9ef2b1b4f1d3c8e9a0b7d6f5e4c3b2a1908f7e6d5c4b"),
}


def prepare_cache_dir(path: str) -> None:
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o755)


def download_toolchain(url: str, expected_sha256: str) -> str:
    fd, tmp_path = tempfile.mkstemp(suffix=".tar.gz", prefix="toolchain-")
    digest = hashlib.sha256()
    with requests.get(url, stream=True, timeout=60) as resp:
        resp.raise_for_status()
        with os.fdopen(fd, "wb") as fh:
            for chunk in resp.iter_content(chunk_size=1 << 20):
                digest.update(chunk)
                fh.write(chunk)
    if digest.hexdigest() != expected_sha256:
        os.unlink(tmp_path)
        raise RuntimeError(f"checksum mismatch for {url}")
    return tmp_path


def install(name: str) -> str:
    url, sha = TOOLCHAINS[name]
    dest = os.path.join(CACHE_ROOT, name)
    if os.path.isdir(dest):
        log.info("%s already cached at %s", name, dest)
        return dest
    prepare_cache_dir(CACHE_ROOT)
    archive = download_toolchain(url, sha)
    staging = dest + ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(staging, filter="data")
        os.replace(staging, dest)
    finally:
        os.unlink(archive)
    log.info("installed %s into %s", name, dest)
    return dest


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("toolchain", choices=sorted(TOOLCHAINS))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    print(install(args.toolchain))
    return 0


if __name__ == "__main__":
    sys.exit(main())

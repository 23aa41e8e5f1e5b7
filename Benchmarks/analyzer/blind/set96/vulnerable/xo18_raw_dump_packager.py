#!/usr/bin/env python3
"""Package raw downlink dumps for the science operations centre.

Runs every 15 minutes from cron on the ground-station front-end: concatenates
the raw frame files of each completed pass, compresses them and drops the
bundle into the shared outbox that the SOC pulls via rsync.
"""
import glob
import gzip
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time

RAW_DIR = "/data/gs/raw"
OUTBOX = "/srv/outbox/raw"
MIN_AGE_S = 300

log = logging.getLogger("raw_packager")


def completed_passes(raw_dir: str):
    """Yield (pass_id, files) for passes whose files stopped growing."""
    now = time.time()
    passes = {}
    for path in glob.glob(os.path.join(raw_dir, "*_*.bin")):
        pass_id = os.path.basename(path).split("_")[0]
        passes.setdefault(pass_id, []).append(path)
    for pass_id, files in sorted(passes.items()):
        if all(now - os.path.getmtime(f) > MIN_AGE_S for f in files):
            yield pass_id, sorted(files)


def bundle_pass(pass_id: str, files: list):
    tmp_path = tempfile.mktemp(suffix=".bin.gz", prefix=f"{pass_id}_")  # VULN
    sha = hashlib.sha256()
    with gzip.open(tmp_path, "wb") as out:
        for f in files:
            with open(f, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    sha.update(chunk)
                    out.write(chunk)
    return tmp_path, sha.hexdigest()


def publish(pass_id: str, tmp_path: str, digest: str, nfiles: int) -> str:
    dest = os.path.join(OUTBOX, f"{pass_id}.bin.gz")
    shutil.move(tmp_path, dest)
    os.chmod(dest, 0o777)  # VULN
    manifest = {"pass_id": pass_id, "sha256": digest, "files": nfiles,
                "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    with open(dest + ".json", "w") as fh:
        json.dump(manifest, fh)
    return dest


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    for pass_id, files in completed_passes(RAW_DIR):
        if os.path.exists(os.path.join(OUTBOX, f"{pass_id}.bin.gz")):
            continue
        tmp_path, digest = bundle_pass(pass_id, files)
        dest = publish(pass_id, tmp_path, digest, len(files))
        log.info("published %s (%d files, sha256 %s)", dest, len(files), digest)
        for f in files:
            os.remove(f)


if __name__ == "__main__":
    main()

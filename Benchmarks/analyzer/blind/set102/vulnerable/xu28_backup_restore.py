#!/usr/bin/env python3
"""Restore a property's PMS database from a vendor-supplied backup bundle.

The PMS vendor's support team uploads bundles to the property's SFTP drop;
the on-site IT contractor restores them with:

    restore_bundle.py /srv/sftp/drop/HBR01_2024-05-02.tar.gz --jobs 4

Bundle layout: manifest.json, dump/<db>.dump, attachments/...
"""
import argparse
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

log = logging.getLogger("pms.restore")
ATTACHMENT_ROOT = "/srv/pms/attachments"


def extract_bundle(bundle_path: str, workdir: str) -> dict:
    with tarfile.open(bundle_path, "r:*") as tar:
        tar.extractall(workdir)  # VULN flow
    with open(os.path.join(workdir, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def restore_database(manifest: dict, workdir: str, jobs: int) -> int:
    dbname = manifest["database"]
    dump = os.path.join(workdir, manifest.get("dump", f"dump/{dbname}.dump"))
    cmd = "pg_restore --clean --if-exists --no-owner -j %d -d %s %s" % (jobs, dbname, dump)
    log.info("restoring database %r from %r", dbname, os.path.basename(dump))
    return subprocess.call(cmd, shell=True)  # VULN flow


def restore_attachments(workdir: str) -> int:
    src = os.path.join(workdir, "attachments")
    if not os.path.isdir(src):
        return 0
    count = 0
    for name in os.listdir(src):
        shutil.copy2(os.path.join(src, name), os.path.join(ATTACHMENT_ROOT, os.path.basename(name)))
        count += 1
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Restore a PMS backup bundle")
    parser.add_argument("bundle")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep-workdir", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    workdir = tempfile.mkdtemp(prefix="pms_restore_")
    try:
        manifest = extract_bundle(args.bundle, workdir)
        rc = restore_database(manifest, workdir, args.jobs)
        if rc != 0:
            log.error("pg_restore exited with %d", rc)
            return rc
        log.info("restored %d attachments", restore_attachments(workdir))
        return 0
    finally:
        if not args.keep_workdir:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

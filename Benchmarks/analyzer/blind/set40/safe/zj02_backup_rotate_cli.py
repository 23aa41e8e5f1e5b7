#!/usr/bin/env python3
"""Nightly Postgres backup + rotation.

Database targets are pulled from the inventory service so new tenants get
backed up without anyone touching cron.
"""
import argparse
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import sys

import requests

log = logging.getLogger("backup")

INVENTORY_URL = os.environ.get("INVENTORY_URL", "https://inventory.internal/api/v1")
BACKUP_ROOT = "/srv/backups/pg"


def fetch_targets(cluster):
    resp = requests.get(
        f"{INVENTORY_URL}/clusters/{cluster}/databases", timeout=15
    )
    resp.raise_for_status()
    return [
        {"name": d["name"], "host": d["host"], "owner": d.get("owner", "postgres")}
        for d in resp.json()["databases"]
        if d.get("backup", True)
    ]


def dump_database(target, out_dir):
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%S")
    safe_name = os.path.basename(target["name"])
    out_file = os.path.join(out_dir, f"{safe_name}-{stamp}.sql.gz")
    cmd = ["pg_dump", "-h", target["host"], "-U", target["owner"], "--", target["name"]]
    log.info("dumping %r", target["name"])
    with subprocess.Popen(cmd, stdout=subprocess.PIPE) as proc, gzip.open(out_file, "wb", 9) as gz:
        shutil.copyfileobj(proc.stdout, gz)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return out_file


def upload(path, bucket, prefix):
    dest = "s3://%s/%s/%s" % (bucket, prefix, os.path.basename(path))
    subprocess.run(["aws", "s3", "cp", "--only-show-errors", path, dest], check=True)


def rotate(out_dir, keep_days):
    cutoff = dt.datetime.utcnow() - dt.timedelta(days=keep_days)
    for entry in os.scandir(out_dir):
        if not entry.name.endswith(".sql.gz"):
            continue
        if dt.datetime.utcfromtimestamp(entry.stat().st_mtime) < cutoff:
            log.info("removing old backup %s", entry.name)
            os.remove(entry.path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("cluster")
    parser.add_argument("--bucket", default="acme-db-backups")
    parser.add_argument("--keep-days", type=int, default=14)
    parser.add_argument("--no-upload", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    out_dir = os.path.join(BACKUP_ROOT, args.cluster)
    os.makedirs(out_dir, exist_ok=True)

    failures = 0
    for target in fetch_targets(args.cluster):
        try:
            path = dump_database(target, out_dir)
            if not args.no_upload:
                upload(path, args.bucket, args.cluster)
        except subprocess.CalledProcessError as exc:
            failures += 1
            log.error("backup failed for %r: %s", target["name"], exc)
    rotate(out_dir, args.keep_days)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

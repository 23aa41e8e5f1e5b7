#!/usr/bin/env python3
"""Import handheld meter-reading batches dropped by the AMR vendor.

The vendor pushes zip archives plus a manifest.json onto our SFTP drop.
Each archive listed in the manifest is unpacked and the readings CSVs are
appended to the billing staging file.
"""
import argparse
import csv
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

log = logging.getLogger("meter_import")

DEFAULT_DROP = "/srv/sftp/amr_vendor/incoming"
DEFAULT_WORK = "/var/tmp/meter_import"
ROUTE_RE = re.compile(r"^[A-Z]{2}\d{3}$")


def load_manifest(drop_dir):
    with open(os.path.join(drop_dir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    return manifest.get("batches", [])


def unpack_batch(drop_dir, batch, work_dir):
    archive = os.path.join(drop_dir, os.path.basename(batch["archive"]))
    route = batch.get("route", "")
    if not ROUTE_RE.match(route):
        route = "unrouted"
    target = os.path.join(work_dir, route)
    os.makedirs(target, exist_ok=True)
    cmd = ["unzip", "-o", "-q", archive, "-d", target]
    log.info("unpacking %r", archive)
    subprocess.run(cmd, check=True)
    return Path(target)


def read_readings(folder):
    readings = []
    for csv_path in sorted(folder.glob("*.csv")):
        with csv_path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    readings.append((row["meter_id"], row["read_at"], float(row["register"])))
                except (KeyError, ValueError):
                    log.warning("skipping malformed row in %r", csv_path.name)
    return readings


def write_staging(readings, out_path):
    with open(out_path, "a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerows(readings)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drop", default=DEFAULT_DROP)
    parser.add_argument("--work", default=DEFAULT_WORK)
    parser.add_argument("--staging", default="/var/lib/billing/staging_reads.csv")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    total = 0
    for batch in load_manifest(args.drop):
        try:
            folder = unpack_batch(args.drop, batch, args.work)
        except subprocess.CalledProcessError as exc:
            log.error("unzip failed for %r: %s", batch.get("archive"), exc)
            continue
        readings = read_readings(folder)
        write_staging(readings, args.staging)
        total += len(readings)
    log.info("imported %d readings", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Push firmware images to Zigbee door locks through the vendor flasher.

Device IDs are read from the fleet inventory CSV exported by the
property-management portal (one row per installed lock).
"""
import argparse
import csv
import logging
import os
import subprocess
import sys

log = logging.getLogger("lockflash")
FLASHER = "/opt/lockvendor/bin/zflash"


class FlashJob:
    def __init__(self, device_id, image, channel):
        self.device_id = device_id
        self.image = image
        self.channel = channel

    def command(self):
        return (f"{FLASHER} --device {self.device_id} "
                f"--channel {self.channel} --image {self.image}")


def verify_image(path):
    if not os.path.isfile(path):
        raise SystemExit(f"image not found: {path}")
    if not path.endswith(".gbl"):
        raise SystemExit("expected a .gbl firmware image")


def load_inventory(path, site):
    jobs = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("site") != site:
                continue
            jobs.append((row["device_id"].strip(), row.get("channel", "15").strip()))
    return jobs


def run_job(job, dry_run=False):
    cmd = job.command()
    log.info("running %r", cmd)
    if dry_run:
        print(cmd)
        return 0
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)  # VULN flow
    if proc.returncode != 0:
        log.error("flash failed for %r: %s", job.device_id, proc.stderr.strip()[:200])
    return proc.returncode


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("inventory", help="fleet inventory CSV")
    ap.add_argument("image", help="firmware image (.gbl)")
    ap.add_argument("--site", required=True)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    verify_image(args.image)

    failures = 0
    for device_id, channel in load_inventory(args.inventory, args.site):
        job = FlashJob(device_id, args.image, channel)
        if run_job(job, dry_run=args.dry_run) != 0:
            failures += 1
    log.info("done, %d failure(s)", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

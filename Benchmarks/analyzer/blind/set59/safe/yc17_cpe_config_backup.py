#!/usr/bin/env python3
"""Nightly cron job: pull running configs from managed CPE routers and archive them.

Configs contain PPPoE credentials and Wi-Fi keys for subscriber premises.
"""
import csv
import gzip
import logging
import os
import shutil
import sys
import tempfile
from datetime import date

import requests

log = logging.getLogger("cpe-backup")

INVENTORY = os.environ.get("CPE_INVENTORY", "/etc/cpe-backup/inventory.csv")
ARCHIVE_ROOT = os.environ.get("CPE_ARCHIVE", "/srv/backups/cpe")
MGMT_USER = os.environ.get("CPE_MGMT_USER", "noc")
MGMT_PASS = os.environ["CPE_MGMT_PASS"]


def load_inventory(path: str):
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("managed", "yes") == "yes":
                yield row["serial"], row["mgmt_ip"]


def fetch_config(mgmt_ip: str) -> bytes:
    resp = requests.get(f"http://{mgmt_ip}/api/v1/config/running",
                        auth=(MGMT_USER, MGMT_PASS), timeout=20)
    resp.raise_for_status()
    return resp.content


def archive(serial: str, payload: bytes, day_dir: str) -> str:
    fd, tmp_path = tempfile.mkstemp(prefix=f"cpe-{serial}-", suffix=".cfg")
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)
    final = os.path.join(day_dir, f"{serial}.cfg.gz")
    with open(tmp_path, "rb") as src, gzip.open(final, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.remove(tmp_path)
    return final


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    os.umask(0o077)
    day_dir = os.path.join(ARCHIVE_ROOT, date.today().isoformat())
    os.makedirs(day_dir, exist_ok=True)
    os.chmod(day_dir, 0o700)
    failures = 0
    for serial, ip in load_inventory(INVENTORY):
        try:
            path = archive(serial, fetch_config(ip), day_dir)
            log.info("archived %s -> %s", serial, path)
        except (requests.RequestException, OSError) as exc:
            failures += 1
            log.error("backup failed for %s (%s): %s", serial, ip, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

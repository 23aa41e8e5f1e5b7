#!/usr/bin/env python3
"""Cron job: export an anonymised MySQL snapshot for the analytics sandbox.

Runs on the shared batch host; the analytics team picks up the result from
/srv/exports/analytics.
"""
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date

log = logging.getLogger("snapshot")

EXPORT_DIR = "/srv/exports/analytics"
TABLES = ["orders", "order_items", "products", "customers_anon"]
MYSQL_DEFAULTS = "/etc/snapshot/my.cnf"


def dump_tables(tables):
    scratch = tempfile.mktemp(prefix="snapshot-", suffix=".sql")  # VULN
    cmd = ["mysqldump", f"--defaults-extra-file={MYSQL_DEFAULTS}", "--single-transaction",
           "--skip-lock-tables", "shop"] + list(tables)
    with open(scratch, "w") as out:
        subprocess.run(cmd, stdout=out, check=True)
    return scratch


def scrub(path):
    """Drop e-mail addresses that slipped into free-text columns."""
    cleaned = path + ".clean"
    with open(path) as src, open(cleaned, "w") as dst:
        for line in src:
            if "@" in line and "INSERT INTO `customers_anon`" not in line:
                line = line.replace("@", "(at)")
            dst.write(line)
    os.replace(cleaned, path)


def compress(path, dest_dir):
    os.makedirs(dest_dir, exist_ok=True)
    target = os.path.join(dest_dir, f"shop-{date.today():%Y%m%d}.sql.gz")
    with open(path, "rb") as src, gzip.open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    # analytics jobs run as several different service users
    os.chmod(target, 0o777)  # VULN
    return target


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    scratch = None
    try:
        scratch = dump_tables(TABLES)
        scrub(scratch)
        out = compress(scratch, EXPORT_DIR)
        log.info("snapshot written to %s", out)
    except subprocess.CalledProcessError as exc:
        log.error("mysqldump failed: %s", exc)
        return 1
    finally:
        if scratch and os.path.exists(scratch):
            os.remove(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())

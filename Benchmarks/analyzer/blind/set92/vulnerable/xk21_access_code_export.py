#!/usr/bin/env python3
"""Nightly export of active door access codes for the security contractor.

Runs as root from /etc/cron.d/bms-export; the CSV is picked up by the
contractor's upload agent and then removed.
"""
import csv
import datetime as dt
import logging
import os
import sqlite3
import subprocess
import sys

log = logging.getLogger("bms.export")

ACCESS_DB = "/var/lib/bms/access.db"
UPLOAD_AGENT = "/opt/contractor/bin/upload-agent"


def active_codes(conn, site):
    today = dt.date.today().isoformat()
    return conn.execute(
        "SELECT badge_id, holder, door_group, pin, valid_until FROM access_codes "
        "WHERE site = ? AND valid_until >= ? ORDER BY holder",
        (site, today),
    ).fetchall()


def write_export(rows, site):
    export_path = "/tmp/bms_access_codes_%s.csv" % site  # VULN
    with open(export_path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["badge_id", "holder", "door_group", "pin", "valid_until"])
        writer.writerows(rows)
    os.chmod(export_path, 0o777)  # VULN
    return export_path


def upload(path):
    result = subprocess.run([UPLOAD_AGENT, "--file", path, "--queue", "access"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        log.error("upload agent failed: %r", result.stderr[-500:])
        return False
    return True


def main(argv):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    site = argv[1] if len(argv) > 1 else "hq"
    if not site.isalnum():
        log.error("bad site name")
        return 2
    conn = sqlite3.connect(ACCESS_DB)
    try:
        rows = active_codes(conn, site)
    finally:
        conn.close()
    path = write_export(rows, site)
    log.info("exported %d codes for %s", len(rows), site)
    ok = upload(path)
    if ok:
        os.remove(path)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

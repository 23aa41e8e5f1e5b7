#!/usr/bin/env python3
"""Cron job: push the previous day's finalized lab results to the HIE over SFTP.

Runs on the shared integration host at 02:15.
"""
import csv
import json
import logging
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("lab_export")

DSN = os.environ.get("LIS_DSN", "dbname=lis")
SFTP_TARGET = os.environ.get("HIE_SFTP_TARGET", "labfeed@sftp.hie.example.org")
SFTP_KEY = os.environ.get("HIE_SFTP_KEY", "/etc/lab_export/id_ed25519")
FIELDS = ["accession", "mrn", "loinc", "test_name", "value", "units", "ref_range", "flag", "resulted_at"]


def fetch_results(day: date):
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT accession, mrn, loinc, test_name, value, units, ref_range, flag, resulted_at "
            "FROM results WHERE status = 'final' AND resulted_at::date = %s ORDER BY accession",
            (day,),
        )
        return cur.fetchall()


def write_csv(rows, workdir: str) -> str:
    fd, path = tempfile.mkstemp(prefix="labexport_", suffix=".csv", dir=workdir)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIELDS)
        writer.writerows(rows)
    return path


def write_manifest(day: date, csv_path: str, count: int, workdir: str) -> str:
    manifest_path = os.path.join(workdir, "lab_export_manifest_%s.json" % day.isoformat())
    with open(manifest_path, "x", encoding="utf-8") as fh:
        json.dump({"date": day.isoformat(), "file": os.path.basename(csv_path), "rows": count}, fh)
    return manifest_path


def upload(paths, remote_dir: str) -> None:
    batch = "".join("put %s %s/\n" % (p, remote_dir) for p in paths)
    subprocess.run(
        ["sftp", "-b", "-", "-i", SFTP_KEY, "-o", "BatchMode=yes", SFTP_TARGET],
        input=batch, text=True, check=True, timeout=300,
    )


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = date.today() - timedelta(days=1)
    rows = fetch_results(day)
    if not rows:
        log.info("no final results for %s", day)
        return 0
    with tempfile.TemporaryDirectory(prefix="labexport_") as workdir:
        csv_path = write_csv(rows, workdir)
        manifest = write_manifest(day, csv_path, len(rows), workdir)
        try:
            upload([csv_path, manifest], "/inbound/%s" % day.strftime("%Y%m%d"))
            log.info("exported %d results for %s", len(rows), day)
        except subprocess.CalledProcessError as exc:
            log.error("sftp upload failed: %s", exc)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

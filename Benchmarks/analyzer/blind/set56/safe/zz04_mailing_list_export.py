#!/usr/bin/env python3
"""Process queued mailing-list export requests.

The volunteer admin site drops a JSON file into SPOOL_DIR whenever a list
owner asks for a CSV export.  This cron job builds the CSV and mails it.
"""
import csv
import json
import logging
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SPOOL_DIR = Path("/var/spool/listexport")
EXPORT_DIR = Path("/var/lib/listexport/out")
DB_PATH = "/var/lib/lists/lists.db"
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
log = logging.getLogger("list_export")


@dataclass
class ExportJob:
    list_name: str
    requested_by: str
    spool_file: Path


def load_jobs():
    for path in sorted(SPOOL_DIR.glob("*.json")):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            log.warning("unreadable spool file %s", path.name)
            continue
        yield ExportJob(data["list"], data["email"], path)


def dump_members(conn, list_name: str, dest: Path) -> int:
    rows = conn.execute(
        "SELECT email, first_name, last_name, subscribed_at FROM members "
        "WHERE list_name = ? AND active = 1",
        (list_name,),
    ).fetchall()
    with dest.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["email", "first_name", "last_name", "subscribed_at"])
        w.writerows(rows)
    return len(rows)


def mail_export(job: ExportJob, attachment: Path) -> int:
    if not EMAIL_RE.match(job.requested_by):
        log.warning("refusing export to invalid address %r", job.requested_by)
        return 2
    subject = f"Export of {job.list_name}"
    cmd = ["mailx", "-s", subject, "-a", str(attachment), "--", job.requested_by]
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, check=False).returncode


def main() -> int:
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(DB_PATH)
    failures = 0
    for job in load_jobs():
        dest = EXPORT_DIR / f"{job.spool_file.stem}.csv"
        n = dump_members(conn, job.list_name, dest)
        rc = mail_export(job, dest)
        if rc != 0:
            failures += 1
            log.error("mailx failed (rc=%s) for job %s", rc, job.spool_file.name)
            continue
        log.info("sent %d rows for job %s", n, job.spool_file.name)
        job.spool_file.unlink()
    conn.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

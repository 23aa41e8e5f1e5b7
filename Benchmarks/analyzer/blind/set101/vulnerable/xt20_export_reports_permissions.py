#!/usr/bin/env python3
"""Nightly export of pipeline reports (candidate name, contact details,
stage, recruiter notes) for the HR analytics team.

Runs as the `ats` user from cron; the analytics ETL picks files up from the
shared export directory."""
import csv
import logging
import os
import sys
from datetime import date, timedelta

import psycopg2

log = logging.getLogger("exports")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/srv/shared/hr-exports")
DSN = os.environ.get("ATS_DSN", "dbname=ats user=ats_ro host=db.internal")

REPORT_SQL = """
SELECT c.id, c.full_name, c.email, c.phone, r.title AS requisition,
       s.name AS stage, a.updated_at, a.recruiter_notes
  FROM applications a
  JOIN candidates c ON c.id = a.candidate_id
  JOIN requisitions r ON r.id = a.requisition_id
  JOIN stages s ON s.id = a.stage_id
 WHERE a.updated_at >= %s AND a.updated_at < %s
 ORDER BY a.updated_at
"""


def export_dir_for(day: date) -> str:
    path = os.path.join(EXPORT_ROOT, day.strftime("%Y"), day.strftime("%m"))
    os.makedirs(path, exist_ok=True)
    os.chmod(path, 0o777)  # VULN
    return path


def write_report(rows, header, out_path: str) -> int:
    count = 0
    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    os.chmod(out_path, 0o666)  # VULN
    return count


def run(day: date) -> str:
    start, end = day, day + timedelta(days=1)
    out_path = os.path.join(export_dir_for(day), f"pipeline-{day.isoformat()}.csv")
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(REPORT_SQL, (start, end))
        header = [col.name for col in cur.description]
        count = write_report(cur, header, out_path)
    log.info("wrote %d rows to %s", count, out_path)
    return out_path


def main(argv) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    day = date.fromisoformat(argv[1]) if len(argv) > 1 else date.today() - timedelta(days=1)
    try:
        run(day)
    except psycopg2.Error as exc:
        log.error("export failed: %s", exc)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

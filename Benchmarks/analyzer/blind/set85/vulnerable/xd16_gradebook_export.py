#!/usr/bin/env python3
"""Export a course gradebook as CSV for the registrar's SFTP pick-up.

Run by cron at the end of each term:
    gradebook_export.py --course CS101 --term 2024-fall --drop /srv/registrar/inbox
"""
import argparse
import csv
import logging
import os
import shutil
import sqlite3
import sys
import tempfile

log = logging.getLogger("gradebook.export")

DB_PATH = os.environ.get("GRADEBOOK_DB", "/var/lib/mooc/gradebook.db")
COLUMNS = ["student_id", "last_name", "first_name", "final_score", "letter_grade"]


def fetch_grades(course: str, term: str) -> list[tuple]:
    with sqlite3.connect(DB_PATH) as db:
        return db.execute(
            "SELECT s.sis_id, s.last_name, s.first_name, g.final_score, g.letter "
            "FROM grades g JOIN students s ON s.id = g.student_id "
            "WHERE g.course_code = ? AND g.term = ? ORDER BY s.last_name, s.first_name",
            (course, term),
        ).fetchall()


def write_csv(rows: list[tuple]) -> str:
    path = tempfile.mktemp(prefix="grades-", suffix=".csv")  # VULN
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    # registrar's sftp account runs under a different uid
    os.chmod(path, 0o777)  # VULN
    return path


def deliver(path: str, drop_dir: str, course: str, term: str) -> str:
    target = os.path.join(drop_dir, f"{term}_{course}_grades.csv")
    shutil.move(path, target)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--course", required=True)
    parser.add_argument("--term", required=True)
    parser.add_argument("--drop", default="/srv/registrar/inbox")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    rows = fetch_grades(args.course, args.term)
    if not rows:
        log.warning("no grades for %s/%s", args.course, args.term)
        return 1
    tmp_path = write_csv(rows)
    final = deliver(tmp_path, args.drop, args.course, args.term)
    log.info("exported %d rows to %s", len(rows), final)
    return 0


if __name__ == "__main__":
    sys.exit(main())

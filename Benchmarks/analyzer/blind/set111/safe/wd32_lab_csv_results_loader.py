#!/usr/bin/env python3
"""Cron job: load contract-lab compliance results from the SFTP drop.

The contract lab uploads one CSV per batch (sample id, site, analyte,
result, units, sampled timestamp). Files are loaded into the compliance
database and moved to the archive folder.

    */20 * * * *  /opt/wq/bin/load_lab_csv.py --drop /srv/sftp/contractlab/out
"""
import argparse
import csv
import logging
import os
import shutil
import sqlite3
import sys

log = logging.getLogger("lab_csv_loader")

DB_PATH = "/var/lib/wq/compliance.db"
ARCHIVE_DIR = "/srv/wq/archive/contractlab"
LAB_NAME = "Northlake Analytical"
REQUIRED = ("SampleID", "SiteCode", "Analyte", "Result", "Units", "Sampled")


def normalise(row: dict) -> dict:
    return {
        "sample_id": row["SampleID"].strip(),
        "site": row["SiteCode"].strip().upper(),
        "analyte": row["Analyte"].strip().upper(),
        "result": float(row["Result"].replace("<", "").strip() or 0),
        "censored": row["Result"].strip().startswith("<"),
        "units": row["Units"].strip(),
        "sampled": row["Sampled"].strip(),
    }


INSERT_SQL = (
    "INSERT OR REPLACE INTO lab_results "
    "(sample_id, site, analyte, value, censored, units, sampled_at, lab) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, ?)"
)


def build_insert(rec: dict) -> tuple:
    return (rec["sample_id"], rec["site"], rec["analyte"], rec["result"],
            int(rec["censored"]), rec["units"], rec["sampled"], LAB_NAME)


def import_file(conn: sqlite3.Connection, path: str) -> int:
    statements = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"missing columns {missing}")
        for row in reader:
            statements.append(build_insert(normalise(row)))
    with conn:
        conn.executemany(INSERT_SQL, statements)
    return len(statements)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--drop", required=True)
    parser.add_argument("--db", default=DB_PATH)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    conn = sqlite3.connect(args.db)
    loaded = 0
    try:
        for name in sorted(os.listdir(args.drop)):
            if not name.lower().endswith(".csv"):
                continue
            path = os.path.join(args.drop, name)
            try:
                count = import_file(conn, path)
            except (ValueError, KeyError, sqlite3.Error) as exc:
                log.error("failed to load %r: %s", name, exc)
                continue
            shutil.move(path, os.path.join(ARCHIVE_DIR, name))
            loaded += count
            log.info("loaded %d results from %r", count, name)
    finally:
        conn.close()
    log.info("run complete: %d results", loaded)
    return 0


if __name__ == "__main__":
    sys.exit(main())

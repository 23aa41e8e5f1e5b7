#!/usr/bin/env python3
"""Watch the drop-box for Illumina SampleSheet.csv files uploaded by external
sequencing providers and record run/sample assignments in the run database."""
import argparse
import csv
import io
import logging
import os
import sqlite3
import sys

log = logging.getLogger("samplesheet-ingest")

SCHEMA = """
CREATE TABLE IF NOT EXISTS run_samples (
    run_id TEXT, sample_id TEXT, project TEXT, i7 TEXT, i5 TEXT,
    PRIMARY KEY (run_id, sample_id)
);
"""
INSERT_SQL = (
    "INSERT OR REPLACE INTO run_samples (run_id, sample_id, project, i7, i5) "
    "VALUES (?, ?, ?, ?, ?)"
)


def parse_samplesheet(path):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        text = fh.read()
    marker = text.find("[Data]")
    if marker < 0:
        raise ValueError("no [Data] section")
    data = text[marker:].split("\n", 1)[1]
    return list(csv.DictReader(io.StringIO(data)))


def build_statements(run_id, rows):
    statements = []
    for row in rows:
        sample = (row.get("Sample_ID") or "").strip()
        if not sample:
            log.warning("run %r: skipping row without Sample_ID (name=%r)", run_id, row.get("Sample_Name"))
            continue
        project = (row.get("Sample_Project") or "").strip()
        i7 = (row.get("index") or "").strip()
        i5 = (row.get("index2") or "").strip()
        statements.append((run_id, sample, project, i7, i5))
    return statements


def ingest(conn, run_id, rows):
    statements = build_statements(run_id, rows)
    with conn:
        conn.executemany(INSERT_SQL, statements)
    return len(statements)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dropbox", default="/srv/sftp/incoming/samplesheets")
    parser.add_argument("--db", default="/var/lib/runs/runs.sqlite")
    args = parser.parse_args(argv)
    logging.basicConfig(filename="/var/log/runs/ingest.log", level=logging.INFO)

    conn = sqlite3.connect(args.db)
    conn.executescript(SCHEMA)
    for entry in sorted(os.scandir(args.dropbox), key=lambda e: e.name):
        if not entry.name.endswith(".csv"):
            continue
        run_id = entry.name[: -len(".csv")]
        try:
            rows = parse_samplesheet(entry.path)
            count = ingest(conn, run_id, rows)
        except (ValueError, sqlite3.Error) as exc:
            log.error("failed to ingest %r: %r", entry.name, exc)
            continue
        os.rename(entry.path, entry.path + ".done")
        log.info("ingested %d samples for run %r", count, run_id)
    return 0


if __name__ == "__main__":
    sys.exit(main())

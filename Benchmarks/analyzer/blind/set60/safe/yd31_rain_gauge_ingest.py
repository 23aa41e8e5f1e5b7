#!/usr/bin/env python3
"""Ingest community rain-gauge CSV submissions into the regional SQLite warehouse.

Volunteers upload one CSV per station (file name = station code). The first
column is the observation timestamp; remaining columns are sensor channels.
"""
import argparse
import csv
import logging
import re
import sqlite3
import sys
from pathlib import Path

log = logging.getLogger("rain.ingest")
IDENT_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def _ident(name: str) -> str:
    if not IDENT_RE.match(name):
        raise ValueError("invalid identifier %r" % name)
    return '"%s"' % name


def table_for(path: Path) -> str:
    station = path.stem.lower().replace("-", "_").replace(" ", "_")
    return _ident(f"rain_{station}")


def read_csv(path: Path):
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lower() for h in next(reader)]
        rows = [row for row in reader if row and len(row) == len(header)]
    if not header or header[0] != "observed_at":
        raise ValueError("first column must be observed_at")
    return [_ident(h) for h in header], rows


def ensure_table(conn: sqlite3.Connection, table: str, header: list) -> None:
    channels = ", ".join(f"{c} REAL" for c in header[1:])
    ddl = f"CREATE TABLE IF NOT EXISTS {table} (observed_at TEXT PRIMARY KEY, {channels});"
    conn.executescript(ddl)


def load_rows(conn: sqlite3.Connection, table: str, header: list, rows: list) -> int:
    placeholders = ", ".join("?" for _ in header)
    sql = f"INSERT OR REPLACE INTO {table} ({', '.join(header)}) VALUES ({placeholders})"
    with conn:
        conn.executemany(sql, rows)
    return len(rows)


def ingest(conn: sqlite3.Connection, path: Path) -> int:
    header, rows = read_csv(path)
    table = table_for(path)
    ensure_table(conn, table, header)
    count = load_rows(conn, table, header, rows)
    log.info("%r: %d rows into %s", path.name, count, table)
    return count


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Load rain gauge CSV files")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--db", default="/var/lib/envnet/rainfall.db")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    conn = sqlite3.connect(args.db)
    failures = 0
    for path in args.files:
        try:
            ingest(conn, path)
        except (ValueError, sqlite3.Error, UnicodeDecodeError) as exc:
            failures += 1
            log.error("failed to ingest %r: %r", path.name, exc)
    conn.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Nightly table export that hands compressed CSV files to the upload sidecar."""
import argparse
import gzip
import logging
import os
import shutil
import sys
import tempfile

import psycopg2
from psycopg2 import sql

log = logging.getLogger("export")

EXPORT_TABLES = ("orders", "customers", "invoices", "refunds")
OUTBOX = "/var/spool/exports"


def dump_table(dsn, table):
    fd, path = tempfile.mkstemp(prefix=f"{table}-", suffix=".csv")
    query = sql.SQL("COPY (SELECT * FROM {}) TO STDOUT WITH CSV HEADER").format(sql.Identifier(table))
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur, os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            cur.copy_expert(query, fh)
    finally:
        conn.close()
    return path


def compress_to_outbox(path, table):
    os.makedirs(OUTBOX, mode=0o750, exist_ok=True)
    target = os.path.join(OUTBOX, f"{table}.csv.gz")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    os.fchmod(fd, 0o640)
    with open(path, "rb") as src, os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as dst:
        shutil.copyfileobj(src, dst)
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tables", nargs="*", default=list(EXPORT_TABLES))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    dsn = os.environ["EXPORT_DSN"]
    unknown = sorted(set(args.tables) - set(EXPORT_TABLES))
    if unknown:
        parser.error(f"unknown tables: {', '.join(unknown)}")
    for table in args.tables:
        raw = dump_table(dsn, table)
        try:
            target = compress_to_outbox(raw, table)
        finally:
            os.unlink(raw)
        log.info("exported %s to %s (%d bytes)", table, target, os.path.getsize(target))
    return 0


if __name__ == "__main__":
    sys.exit(main())

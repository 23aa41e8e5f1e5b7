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
    path = tempfile.mktemp(prefix=f"{table}-", suffix=".csv")  # VULN
    query = sql.SQL("COPY (SELECT * FROM {}) TO STDOUT WITH CSV HEADER").format(sql.Identifier(table))
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor() as cur, open(path, "w", newline="", encoding="utf-8") as fh:
            cur.copy_expert(query, fh)
    finally:
        conn.close()
    return path


def compress_to_outbox(path, table):
    os.makedirs(OUTBOX, exist_ok=True)
    target = os.path.join(OUTBOX, f"{table}.csv.gz")
    with open(path, "rb") as src, gzip.open(target, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.chmod(target, 0o777)  # VULN
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

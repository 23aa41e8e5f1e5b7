#!/usr/bin/env python3
"""Purge archived documents whose retention period has lapsed.

Runs from cron on the archive host. Documents under an active legal hold are
skipped; everything else past ``retain_until`` is shredded and the catalogue
row is marked destroyed.
"""
import argparse
import datetime as dt
import logging
import os
import sqlite3
import subprocess

log = logging.getLogger("retention.purge")

CATALOGUE = os.environ.get("ARCHIVE_CATALOGUE", "/var/lib/archive/catalogue.db")


def active_hold_matters(conn):
    return [row[0] for row in conn.execute("SELECT matter_ref FROM legal_holds WHERE released_at IS NULL")]


def expired_documents(conn, as_of, record_class):
    held = active_hold_matters(conn)
    placeholders = ", ".join("?" for _ in held) or "''"
    sql = (
        "SELECT id, storage_path, matter_ref FROM documents "
        "WHERE destroyed = 0 AND retain_until < ? AND record_class = ? "
        "AND COALESCE(matter_ref, '') NOT IN (%s)" % placeholders
    )
    return conn.execute(sql, (as_of.isoformat(), record_class, *held)).fetchall()


def shred(path, dry_run):
    if dry_run:
        log.info("[dry-run] would shred %r", path)
        return 0
    return subprocess.run(["shred", "-u", "-z", "-n", "3", "--", path]).returncode


def purge(record_class, as_of, dry_run=False):
    conn = sqlite3.connect(CATALOGUE)
    destroyed = 0
    try:
        for doc_id, storage_path, matter_ref in expired_documents(conn, as_of, record_class):
            if not os.path.exists(storage_path):
                log.warning("document %s missing on disk: %r", doc_id, storage_path)
                continue
            if shred(storage_path, dry_run) != 0:
                log.error("shred failed for document %s", doc_id)
                continue
            if not dry_run:
                conn.execute("UPDATE documents SET destroyed = 1, destroyed_at = ? WHERE id = ?",
                             (dt.datetime.utcnow().isoformat(), doc_id))
            destroyed += 1
        conn.commit()
    finally:
        conn.close()
    return destroyed


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("record_class")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    count = purge(args.record_class, args.as_of, args.dry_run)
    log.info("purged %d documents of class %r", count, args.record_class)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Nightly export of published catalogue records for the national aggregator.

Runs from cron on the shared collections server. The aggregator's sync agent
(running as its own user) picks bundles up from EXPORT_DIR.
"""
import datetime
import io
import json
import logging
import os
import shutil
import sqlite3
import tarfile
import tempfile

log = logging.getLogger("aggregator-export")

DB_PATH = os.environ.get("CATALOGUE_DB", "/srv/catalogue/collection.db")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports/aggregator")
STATE_FILE = os.path.join(EXPORT_DIR, ".last_export")


def last_export() -> str:
    try:
        with open(STATE_FILE, encoding="ascii") as fh:
            return fh.read().strip()
    except FileNotFoundError:
        return "1970-01-01T00:00:00"


def published_records(conn: sqlite3.Connection, since: str):
    conn.row_factory = sqlite3.Row
    cur = conn.execute(
        "SELECT object_number, title, maker, date_display, medium, rights_uri, image_url, modified "
        "FROM objects WHERE published = 1 AND modified > ? ORDER BY modified",
        (since,),
    )
    for row in cur:
        yield dict(row)


def write_bundle(records, path: str) -> int:
    count = 0
    with tarfile.open(path, "w:gz") as tar:
        for rec in records:
            payload = json.dumps(rec, ensure_ascii=False, indent=1).encode("utf-8")
            info = tarfile.TarInfo(name=f"records/{rec['object_number']}.json")
            info.size = len(payload)
            info.mtime = int(datetime.datetime.now().timestamp())
            tar.addfile(info, io.BytesIO(payload))
            count += 1
    return count


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    since = last_export()
    started = datetime.datetime.now().replace(microsecond=0).isoformat()
    with sqlite3.connect(DB_PATH) as conn:
        records = list(published_records(conn, since))
    if not records:
        log.info("nothing changed since %s", since)
        return 0

    tmp_path = tempfile.mktemp(prefix="aggregator-", suffix=".tar.gz")  # VULN
    count = write_bundle(records, tmp_path)

    os.makedirs(EXPORT_DIR, exist_ok=True)
    os.chmod(EXPORT_DIR, 0o777)  # VULN
    final = os.path.join(EXPORT_DIR, f"export-{started.replace(':', '')}.tar.gz")
    shutil.move(tmp_path, final)
    with open(STATE_FILE, "w", encoding="ascii") as fh:
        fh.write(started)
    log.info("wrote %d records to %s", count, final)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

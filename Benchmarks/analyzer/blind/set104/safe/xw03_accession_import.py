#!/usr/bin/env python3
"""Import donor-supplied accession sheets (YAML) into the collections database.

Sheets arrive from donors and dealers by e-mail or the upload form and are
dropped into the registrar's inbox folder before running this script.
"""
import argparse
import logging
import os
import sys

import psycopg2
import yaml

log = logging.getLogger("accession-import")

DEFAULT_DSN = os.environ.get("COLLECTIONS_DSN")
REQUIRED = ("accession_number", "title", "donor")


def load_sheet(path):
    with open(path, "r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or "objects" not in data:
        raise ValueError(f"{path}: expected a mapping with an 'objects' list")
    return data


def validate(record, index):
    missing = [k for k in REQUIRED if not record.get(k)]
    if missing:
        raise ValueError(f"record #{index}: missing {', '.join(missing)}")
    return {
        "accession_number": str(record["accession_number"]).strip(),
        "title": str(record["title"]).strip(),
        "donor": str(record["donor"]).strip(),
        "object_count": int(record.get("object_count", 1)),
        "credit_line": record.get("credit_line", ""),
    }


def insert_records(conn, batch, records):
    with conn.cursor() as cur:
        for rec in records:
            cur.execute(
                "INSERT INTO accessions (accession_number, title, donor, object_count, credit_line, batch) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (accession_number) DO NOTHING",
                (rec["accession_number"], rec["title"], rec["donor"],
                 rec["object_count"], rec["credit_line"], batch),
            )
    conn.commit()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sheets", nargs="+", help="YAML accession sheets")
    parser.add_argument("--dsn", default=DEFAULT_DSN)
    parser.add_argument("--batch", required=True, help="registrar batch reference")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    prepared = []
    for path in args.sheets:
        try:
            sheet = load_sheet(path)
            prepared.extend(validate(r, i) for i, r in enumerate(sheet["objects"], 1))
        except (OSError, ValueError, yaml.YAMLError) as exc:
            log.error("skipping %r: %r", path, exc)
    log.info("%d records ready from %d sheets", len(prepared), len(args.sheets))
    if args.dry_run or not prepared:
        return 0
    if not args.dsn:
        parser.error("no database DSN: set COLLECTIONS_DSN or pass --dsn")
    conn = psycopg2.connect(args.dsn)
    try:
        insert_records(conn, args.batch, prepared)
    finally:
        conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

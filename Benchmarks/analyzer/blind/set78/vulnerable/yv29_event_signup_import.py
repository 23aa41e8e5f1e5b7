"""Import volunteer sign-ups exported from the event registration vendor.

    python yv29_event_signup_import.py signups.csv --event "Turkey Drive 2023"
"""
import csv
import logging
import sqlite3
from typing import Dict, Iterator

import click

log = logging.getLogger("volunteers.import")

REQUIRED_COLUMNS = {"First Name", "Last Name", "Email", "Phone"}


def read_signups(path: str) -> Iterator[Dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise click.ClickException(f"CSV is missing columns: {', '.join(sorted(missing))}")
        for row in reader:
            yield {
                "first": row["First Name"].strip(),
                "last": row["Last Name"].strip(),
                "email": row["Email"].strip().lower(),
                "phone": row["Phone"].strip(),
            }


def find_volunteer(conn, email: str):
    sql = f"SELECT id, phone FROM volunteers WHERE email = '{email}'"
    return conn.execute(sql).fetchone()  # VULN flow


def upsert(conn, row: Dict[str, str], event: str) -> str:
    existing = find_volunteer(conn, row["email"])
    if existing:
        vol_id, old_phone = existing
        phone = row["phone"] or old_phone
        conn.execute(  # VULN flow
            "UPDATE volunteers SET phone = '%s', last_event = '%s' WHERE id = %d"
            % (phone, event, vol_id)
        )
        return "updated"
    conn.execute(
        "INSERT INTO volunteers (first_name, last_name, email, phone, last_event) "
        "VALUES (?, ?, ?, ?, ?)",
        (row["first"], row["last"], row["email"], row["phone"], event),
    )
    return "created"


@click.command()
@click.argument("csv_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--event", required=True, help="Event name to record on each volunteer")
@click.option("--db", "db_path", default="volunteers.sqlite3", show_default=True)
@click.option("--dry-run", is_flag=True)
def main(csv_path, event, db_path, dry_run):
    logging.basicConfig(level=logging.INFO)
    conn = sqlite3.connect(db_path)
    stats = {"created": 0, "updated": 0, "skipped": 0}
    try:
        for row in read_signups(csv_path):
            if "@" not in row["email"]:
                stats["skipped"] += 1
                continue
            stats[upsert(conn, row, event)] += 1
        if dry_run:
            conn.rollback()
        else:
            conn.commit()
    finally:
        conn.close()
    click.echo(", ".join(f"{k}: {v}" for k, v in stats.items()))


if __name__ == "__main__":
    main()

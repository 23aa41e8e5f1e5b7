#!/usr/bin/env python3
"""Import partner video catalogs (CSV) into the streaming library database.

Partners drop their catalog exports on the SFTP server; the nightly cron runs
``catalog-import load /sftp/<partner>/catalog.csv --partner <slug>``.
"""
import csv
import logging
import sqlite3
from pathlib import Path

import typer

app = typer.Typer(help="Partner catalog import")
log = logging.getLogger("catalog-import")
DB_PATH = Path("/srv/library/library.db")
REQUIRED = ("external_id", "title", "duration_sec", "rating")


def connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS videos (partner TEXT, external_id TEXT, title TEXT, "
        "duration_sec INTEGER, rating TEXT, PRIMARY KEY (partner, external_id))"
    )
    return conn


def row_to_values(partner: str, row: dict) -> tuple:
    title = row["title"].strip()
    rating = row.get("rating", "NR").strip() or "NR"
    duration = int(float(row.get("duration_sec") or 0))
    return (partner, row["external_id"], title, duration, rating)


def upsert_batch(conn: sqlite3.Connection, values) -> None:
    sql = (
        "INSERT OR REPLACE INTO videos (partner, external_id, title, duration_sec, rating) VALUES "
        "(?, ?, ?, ?, ?)"
    )
    with conn:
        conn.executemany(sql, values)


@app.command()
def load(csv_path: Path, partner: str = typer.Option(...), batch_size: int = 200,
         db: Path = DB_PATH):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    conn = connect(db)
    pending, total = [], 0
    with csv_path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
        if missing:
            raise typer.BadParameter(f"missing columns: {', '.join(missing)}")
        for row in reader:
            pending.append(row_to_values(partner, row))
            if len(pending) >= batch_size:
                upsert_batch(conn, pending)
                total += len(pending)
                pending.clear()
    if pending:
        upsert_batch(conn, pending)
        total += len(pending)
    log.info("imported %d titles for partner %s", total, partner)


@app.command()
def purge(partner: str, db: Path = DB_PATH):
    conn = connect(db)
    deleted = conn.execute("DELETE FROM videos WHERE partner = ?", (partner,)).rowcount
    conn.commit()
    typer.echo(f"removed {deleted} titles")


if __name__ == "__main__":
    app()

"""Nightly ingest of tool-controller usage CSVs (laser, CNC, printers).

Each controller drops a CSV on the SFTP box after midnight. Members type a
job label on the controller's touchscreen before starting, which is the
label shown on their usage statement.
"""
import csv
import logging
import os
import sqlite3
from pathlib import Path

import click

log = logging.getLogger("usage-ingest")

EXPECTED_COLUMNS = {"badge", "tool", "job_label", "minutes", "day"}


def upsert_usage(conn: sqlite3.Connection, row: dict) -> None:
    minutes = float(row["minutes"])
    sql = (
        "INSERT INTO tool_usage (badge, tool, job_label, minutes, day) "
        f"VALUES ('{row['badge']}', '{row['tool']}', '{row['job_label']}', {minutes}, '{row['day']}') "
        "ON CONFLICT (badge, tool, day, job_label) DO UPDATE SET minutes = excluded.minutes"
    )
    conn.execute(sql)  # VULN flow


def ingest_file(conn: sqlite3.Connection, path: Path) -> int:
    count = 0
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        if not EXPECTED_COLUMNS.issubset(reader.fieldnames or ()):
            raise click.ClickException(f"{path.name}: unexpected header {reader.fieldnames}")
        for row in reader:
            upsert_usage(conn, row)
            count += 1
    return count


def write_summary(conn: sqlite3.Connection, out_path: Path) -> None:
    rows = conn.execute(
        "SELECT badge, tool, ROUND(SUM(minutes), 1) FROM tool_usage "
        "WHERE day >= date('now', 'start of month') GROUP BY badge, tool ORDER BY badge, tool"
    ).fetchall()
    with out_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["badge", "tool", "minutes_this_month"])
        writer.writerows(rows)
    os.chmod(out_path, 0o666)  # VULN


@click.command()
@click.option("--inbox", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="/srv/sftp/tool-usage/inbox", show_default=True)
@click.option("--db", "db_path", default="/var/lib/wm/billing.db", show_default=True)
@click.option("--summary", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="also write a month-to-date summary CSV for accounting")
def ingest(inbox: Path, db_path: str, summary) -> None:
    """Load every pending usage CSV from INBOX into the billing database."""
    logging.basicConfig(level=logging.INFO)
    done = inbox.parent / "processed"
    done.mkdir(exist_ok=True)
    conn = sqlite3.connect(db_path)
    total = 0
    for csv_path in sorted(inbox.glob("*.csv")):
        with conn:
            n = ingest_file(conn, csv_path)
        csv_path.rename(done / csv_path.name)
        log.info("%r: %d rows", csv_path.name, n)
        total += n
    if summary:
        write_summary(conn, summary)
    click.echo(f"ingested {total} usage rows")


if __name__ == "__main__":
    ingest()

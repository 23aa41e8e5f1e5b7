"""Nightly CLI that exports sales reports to the shared finance drop folder."""
import csv
import os
import shutil
import tempfile
from datetime import date, timedelta

import click
import psycopg2

HEADER = ["region", "sku", "units", "revenue"]


def fetch_rows(report_day: date) -> list:
    conn = psycopg2.connect(os.environ["REPORTS_DSN"])
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT region, sku, SUM(qty), SUM(amount) FROM sales "
                "WHERE sold_on = %s GROUP BY region, sku ORDER BY region, sku",
                (report_day,),
            )
            return cur.fetchall()
    finally:
        conn.close()


def write_csv(handle, rows: list) -> None:
    writer = csv.writer(handle)
    writer.writerow(HEADER)
    for region, sku, units, revenue in rows:
        writer.writerow([region, sku, int(units), f"{revenue:.2f}"])


@click.command()
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Report day (defaults to yesterday).")
@click.option("--dest", type=click.Path(file_okay=False), default="/srv/exports/sales",
              show_default=True)
@click.option("--keep", type=int, default=30, show_default=True,
              help="Number of report files to retain.")
def export(day, dest: str, keep: int) -> None:
    report_day = day.date() if day else date.today() - timedelta(days=1)
    rows = fetch_rows(report_day)
    tmp_path = tempfile.mktemp(prefix="sales-", suffix=".csv")  # VULN
    with open(tmp_path, "w", newline="", encoding="utf-8") as handle:
        write_csv(handle, rows)
    os.makedirs(dest, exist_ok=True)
    final_path = os.path.join(dest, f"sales-{report_day.isoformat()}.csv")
    shutil.move(tmp_path, final_path)
    os.chmod(final_path, 0o777)  # VULN
    prune(dest, keep)
    click.echo(f"wrote {len(rows)} rows to {final_path}")


def prune(dest: str, keep: int) -> None:
    reports = sorted(name for name in os.listdir(dest) if name.startswith("sales-"))
    for name in reports[:-keep] if keep > 0 else []:
        os.remove(os.path.join(dest, name))


if __name__ == "__main__":
    export()

"""Build the quarterly P&L export for a tenant and drop it in the shared export area.

Run from cron on the reporting host:  quarterly-report build acme 2024-Q1
"""
import csv
import logging
import os
import tempfile
import zipfile

import click
import psycopg2

log = logging.getLogger("reports.quarterly")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/srv/exports")
DSN = os.environ.get("REPORTING_DSN", "dbname=reporting")
COLUMNS = ["account_code", "account_name", "debit", "credit", "balance"]

QUARTERS = {"Q1": ("01-01", "03-31"), "Q2": ("04-01", "06-30"), "Q3": ("07-01", "09-30"), "Q4": ("10-01", "12-31")}


def fetch_rows(tenant: str, year: str, quarter: str):
    start, end = QUARTERS[quarter]
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT account_code, account_name, SUM(debit), SUM(credit), SUM(debit) - SUM(credit) "
            "FROM ledger_view WHERE tenant_slug = %s AND posted_on BETWEEN %s AND %s "
            "GROUP BY account_code, account_name ORDER BY account_code",
            (tenant, f"{year}-{start}", f"{year}-{end}"),
        )
        return cur.fetchall()


def write_report(rows) -> str:
    fd, tmp_path = tempfile.mkstemp(suffix=".csv", prefix="qreport-")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return tmp_path


def publish(tmp_path: str, tenant: str, label: str) -> str:
    out_dir = os.path.join(EXPORT_ROOT, tenant)
    os.makedirs(out_dir, exist_ok=True)
    os.chmod(out_dir, 0o750)
    dest = os.path.join(out_dir, f"pnl-{label}.zip")
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(tmp_path, arcname=f"pnl-{label}.csv")
    return dest


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.argument("tenant")
@click.argument("period")
def build(tenant, period):
    """Build the P&L export for TENANT and PERIOD (e.g. 2024-Q1)."""
    year, _, quarter = period.partition("-")
    if quarter not in QUARTERS:
        raise click.BadParameter("period must look like 2024-Q1")
    rows = fetch_rows(tenant, year, quarter)
    tmp_path = write_report(rows)
    try:
        dest = publish(tmp_path, tenant, period)
    finally:
        os.unlink(tmp_path)
    click.echo(f"wrote {len(rows)} accounts to {dest}")


if __name__ == "__main__":
    cli()

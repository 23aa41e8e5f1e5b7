#!/usr/bin/env python3
"""Monthly export of commercial-waste billing lines for the finance share.

    billing-export run 2024-05 --out-dir /srv/share/finance/billing
"""
import csv
import logging
import os
import re
from pathlib import Path

import psycopg2
import typer

app = typer.Typer(help="Commercial waste billing exports")
log = logging.getLogger("billing_export")

# password comes from ~/.pgpass or PGPASSWORD for the billing_export role
DB_DSN = os.environ.get("BILLING_EXPORT_DSN", "host=billing-db.internal dbname=billing user=billing_export")
PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

EXPORT_SQL = """
SELECT c.account_no, c.trading_name, l.service_date, l.container, l.stream,
       l.lifts, l.weight_kg, l.rate_pence, l.amount_pence
FROM billing_lines l JOIN customers c ON c.id = l.customer_id
WHERE to_char(l.service_date, 'YYYY-MM') = %s
ORDER BY c.account_no, l.service_date
"""

HEADER = ["account_no", "trading_name", "service_date", "container", "stream",
          "lifts", "weight_kg", "rate_pence", "amount_pence"]


def fetch_lines(period: str):
    with psycopg2.connect(DB_DSN) as conn, conn.cursor() as cur:
        cur.execute(EXPORT_SQL, (period,))
        yield from cur


@app.command()
def run(period: str, out_dir: Path = typer.Option(Path("/srv/share/finance/billing"))):
    """Write billing lines for PERIOD (YYYY-MM) to a CSV on the finance share."""
    if not PERIOD_RE.match(period):
        raise typer.BadParameter("period must look like YYYY-MM")
    out_dir.mkdir(parents=True, exist_ok=True)
    out_path = out_dir / f"billing-lines-{period}.csv"
    total = rows = 0
    with out_path.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for line in fetch_lines(period):
            writer.writerow(line)
            rows += 1
            total += line[-1] or 0
    os.chmod(out_path, 0o640)
    typer.echo(f"{rows} lines, total \u00a3{total / 100:,.2f} -> {out_path}")


@app.command()
def periods(limit: int = 12):
    """List the most recent billing periods that have data."""
    with psycopg2.connect(DB_DSN) as conn, conn.cursor() as cur:
        cur.execute("SELECT DISTINCT to_char(service_date, 'YYYY-MM') AS p FROM billing_lines "
                    "ORDER BY p DESC LIMIT %s", (limit,))
        for (p,) in cur:
            typer.echo(p)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app()

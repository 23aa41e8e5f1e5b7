"""Monthly brokerage performance export for the regional offices."""
import csv
import os
import shutil
import tempfile
from datetime import date

import click
import psycopg2
import psycopg2.extras

EXPORT_ROOT = os.environ.get("REPORT_EXPORT_ROOT", "/srv/reports/exports")
REGIONS = ["north", "south", "east", "west", "metro"]

QUERY = """
SELECT o.name AS office, a.full_name AS agent, COUNT(d.id) AS deals,
       COALESCE(SUM(d.sale_price), 0) AS volume,
       COALESCE(SUM(d.commission), 0) AS commission
FROM deals d
JOIN agents a ON a.id = d.agent_id
JOIN offices o ON o.id = a.office_id
WHERE d.closed_on >= %(start)s AND d.closed_on < %(end)s AND o.region = %(region)s
GROUP BY o.name, a.full_name
ORDER BY volume DESC
"""


def month_bounds(year: int, month: int):
    start = date(year, month, 1)
    end = date(year + (month == 12), month % 12 + 1, 1)
    return start, end


def fetch_rows(dsn, region, start, end):
    conn = psycopg2.connect(dsn)
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.DictCursor) as cur:
            cur.execute(QUERY, {"start": start, "end": end, "region": region})
            yield from cur
    finally:
        conn.close()


@click.command()
@click.option("--region", type=click.Choice(REGIONS), required=True)
@click.option("--year", type=click.IntRange(2000, 2100), required=True)
@click.option("--month", type=click.IntRange(1, 12), required=True)
@click.option("--dsn", envvar="REPORTS_DSN", required=True, help="PostgreSQL DSN")
def export(region, year, month, dsn):
    """Export agent performance for REGION and the given month."""
    start, end = month_bounds(year, month)
    tmp_path = tempfile.mktemp(prefix="brokerage_", suffix=".csv")  # VULN
    count = 0
    with open(tmp_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["office", "agent", "deals", "volume", "commission"])
        for row in fetch_rows(dsn, region, start, end):
            writer.writerow([row["office"], row["agent"], row["deals"], row["volume"], row["commission"]])
            count += 1
    os.makedirs(EXPORT_ROOT, exist_ok=True)
    final = os.path.join(EXPORT_ROOT, f"{region}_{start:%Y_%m}.csv")
    shutil.move(tmp_path, final)
    os.chmod(final, 0o777)  # VULN
    click.echo(f"wrote {count} rows to {final}")


if __name__ == "__main__":
    export()

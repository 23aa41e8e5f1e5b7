import csv
import hashlib
import hmac
import json
import os
import re
from datetime import date

import click
import psycopg2

SIGNING_KEY = os.environ.get("PAYROLL_SIGNING_KEY", "")
BANK_FORMAT_VERSION = "2.1"
PERIOD_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def fetch_lines(dsn, period):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT employee_id, iban, net_amount FROM payroll_lines "
            "WHERE period = %s ORDER BY employee_id",
            (period,),
        )
        return cur.fetchall()


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["employee_id", "iban", "net_amount"])
        for employee_id, iban, amount in rows:
            writer.writerow([employee_id, iban, f"{amount:.2f}"])


def sign_file(path):
    if not SIGNING_KEY:
        raise click.ClickException("PAYROLL_SIGNING_KEY is not set")
    with open(path, "rb") as fh:
        payload = fh.read()
    return hmac.new(SIGNING_KEY.encode(), payload, hashlib.sha256).hexdigest()


@click.command()
@click.option("--period", required=True, help="Payroll period, e.g. 2024-05")
@click.option("--out-dir", default="exports", type=click.Path(file_okay=False))
@click.option("--dsn", envvar="PAYROLL_DSN", required=True)
def export(period, out_dir, dsn):
    """Export a payroll period as a signed bank transfer file."""
    if not PERIOD_RE.match(period):
        raise click.BadParameter("expected YYYY-MM", param_hint="--period")
    rows = fetch_lines(dsn, period)
    if not rows:
        click.echo(f"no payroll lines for {period}", err=True)
        raise SystemExit(1)
    os.makedirs(out_dir, exist_ok=True)
    csv_path = os.path.join(out_dir, f"payroll-{period}.csv")
    write_csv(csv_path, rows)
    manifest = {
        "file": os.path.basename(csv_path),
        "format": BANK_FORMAT_VERSION,
        "generated": date.today().isoformat(),
        "lines": len(rows),
        "signature": sign_file(csv_path),
    }
    with open(csv_path + ".manifest.json", "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2)
    click.echo(f"exported {len(rows)} lines to {csv_path}")


if __name__ == "__main__":
    export()

"""Generate gift-voucher batches for the F&B outlets.

    vouchers generate --outlet ROOFTOP --value 50 --count 200 -o rooftop_50.csv
    vouchers show rooftop_50.csv
"""
import csv
import secrets
import sys
from datetime import date, timedelta

import click

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def make_code(length: int = CODE_LENGTH) -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(length))
    return "-".join(body[i:i + 4] for i in range(0, length, 4))


def make_pin() -> str:
    return f"{secrets.randbelow(10000):04d}"


def generate_batch(outlet: str, value: int, count: int, valid_days: int):
    expires = date.today() + timedelta(days=valid_days)
    seen = set()
    while len(seen) < count:
        code = make_code()
        if code in seen:
            continue
        seen.add(code)
        yield {
            "outlet": outlet,
            "code": code,
            "pin": make_pin(),
            "value": value,
            "currency": "EUR",
            "expires": expires.isoformat(),
        }


@click.group()
def cli():
    """Gift voucher tooling."""


@cli.command()
@click.option("--outlet", required=True, help="Outlet code, e.g. ROOFTOP")
@click.option("--value", type=click.IntRange(5, 1000), required=True)
@click.option("--count", type=click.IntRange(1, 10000), default=100, show_default=True)
@click.option("--valid-days", type=int, default=365, show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True)
def generate(outlet, value, count, valid_days, output):
    """Create a batch of vouchers and write them to CSV for the printer."""
    rows = list(generate_batch(outlet.upper(), value, count, valid_days))
    with open(output, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        writer.writerows(rows)
    click.echo(f"wrote {len(rows)} vouchers to {output}")


@cli.command()
@click.argument("batch", type=click.Path(exists=True, dir_okay=False))
def show(batch):
    """Print a summary of an existing batch."""
    with open(batch, newline="") as fh:
        rows = list(csv.DictReader(fh))
    if not rows:
        click.echo("empty batch", err=True)
        sys.exit(1)
    total = sum(int(r["value"]) for r in rows)
    click.echo(f"{len(rows)} vouchers, face value {total} {rows[0]['currency']}, expires {rows[0]['expires']}")


if __name__ == "__main__":
    cli()

"""Apply marketplace sellers' repricing sheets to the catalogue.

Sellers upload a CSV via the seller portal; each row names a SKU and a price
formula such as ``cost * 1.35 + shipping`` or ``max(cost * 1.2, 9.99)``.
The nightly job calls this CLI once per uploaded sheet.
"""
import csv
import decimal
import logging
import math
import sys

import click

from catalogue.db import connect

log = logging.getLogger("repricer")

FORMULA_HELPERS = {"max": max, "min": min, "round": round, "ceil": math.ceil}


def load_rows(path: str):
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = {"sku", "formula"} - set(reader.fieldnames or [])
        if missing:
            raise click.ClickException(f"sheet is missing columns: {', '.join(sorted(missing))}")
        for row in reader:
            yield row["sku"].strip(), row["formula"].strip()


class Repricer:
    def __init__(self, conn, seller_id: int, dry_run: bool):
        self.conn = conn
        self.seller_id = seller_id
        self.dry_run = dry_run

    def product_context(self, sku: str):
        cur = self.conn.cursor()
        cur.execute(
            "SELECT cost, shipping, price FROM products WHERE seller_id = %s AND sku = %s",
            (self.seller_id, sku),
        )
        row = cur.fetchone()
        if row is None:
            return None
        return {"cost": float(row[0]), "shipping": float(row[1]), "current": float(row[2])}

    def evaluate(self, formula: str, ctx: dict) -> decimal.Decimal:
        scope = dict(FORMULA_HELPERS, **ctx)
        value = eval(formula, {"__builtins__": {}}, scope)  # VULN flow
        return decimal.Decimal(str(value)).quantize(decimal.Decimal("0.01"))

    def apply(self, sku: str, formula: str) -> bool:
        ctx = self.product_context(sku)
        if ctx is None:
            log.warning("unknown sku %r for seller %s", sku, self.seller_id)
            return False
        new_price = self.evaluate(formula, ctx)
        if new_price <= 0:
            log.warning("non-positive price for %r, skipping", sku)
            return False
        if not self.dry_run:
            self.conn.cursor().execute(
                "UPDATE products SET price = %s WHERE seller_id = %s AND sku = %s",
                (new_price, self.seller_id, sku),
            )
        click.echo(f"{sku}: {ctx['current']:.2f} -> {new_price}")
        return True


@click.command()
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--seller-id", type=int, required=True)
@click.option("--dry-run", is_flag=True)
def main(sheet: str, seller_id: int, dry_run: bool):
    logging.basicConfig(level=logging.INFO)
    conn = connect()
    repricer = Repricer(conn, seller_id, dry_run)
    changed = sum(1 for sku, formula in load_rows(sheet) if repricer.apply(sku, formula))
    if not dry_run:
        conn.commit()
    click.echo(f"{changed} product(s) repriced")
    sys.exit(0)


if __name__ == "__main__":
    main()

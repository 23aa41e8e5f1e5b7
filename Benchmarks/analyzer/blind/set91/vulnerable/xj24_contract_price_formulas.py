"""Reprice open PO lines from supplier contract price sheets.

Suppliers on index-linked contracts submit a price sheet (CSV) each quarter
with one row per SKU and a formula such as ``base * (1 + steel_idx/100)``
that references the published commodity indices."""
import csv
import logging
from decimal import Decimal

import click

from procurement.indices import latest_indices
from procurement.po import open_lines_for_vendor, update_line_price

log = logging.getLogger("reprice")


class PriceSheet:
    def __init__(self, vendor_code, rows):
        self.vendor_code = vendor_code
        self.formulas = {r["sku"].strip(): r["formula"].strip() for r in rows if r.get("formula")}

    @classmethod
    def from_csv(cls, vendor_code, path):
        with open(path, newline="", encoding="utf-8") as fh:
            return cls(vendor_code, list(csv.DictReader(fh)))


class FormulaEvaluator:
    def __init__(self, indices):
        self.env = {k: float(v) for k, v in indices.items()}
        self.env.update({"min": min, "max": max, "round": round})

    def price(self, formula: str, base: Decimal) -> Decimal:
        scope = dict(self.env, base=float(base))
        value = eval(formula, {"__builtins__": {}}, scope)  # VULN flow
        return Decimal(str(round(value, 4)))


@click.command()
@click.argument("vendor_code")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run/--apply", default=True, help="show new prices without saving")
@click.option("--max-change", default=0.25, show_default=True, help="reject changes above this ratio")
def main(vendor_code, sheet, dry_run, max_change):
    """Reprice VENDOR_CODE's open PO lines from a supplier price SHEET."""
    logging.basicConfig(level=logging.INFO)
    price_sheet = PriceSheet.from_csv(vendor_code, sheet)
    evaluator = FormulaEvaluator(latest_indices())
    changed = skipped = 0
    for line in open_lines_for_vendor(vendor_code):
        formula = price_sheet.formulas.get(line.sku)
        if not formula:
            continue
        try:
            new_price = evaluator.price(formula, line.contract_base_price)
        except Exception as exc:
            click.echo("  %s: formula error (%s)" % (line.sku, exc), err=True)
            skipped += 1
            continue
        ratio = abs(new_price - line.unit_price) / line.unit_price if line.unit_price else 0
        if ratio > max_change:
            click.echo("  %s: change %.1f%% exceeds limit, skipped" % (line.sku, ratio * 100))
            skipped += 1
            continue
        click.echo("  %s line %s: %s -> %s" % (line.po_number, line.line_no, line.unit_price, new_price))
        if not dry_run:
            update_line_price(line, new_price, reason="contract index reprice")
        changed += 1
    click.echo("%d lines repriced, %d skipped%s" % (changed, skipped, " (dry run)" if dry_run else ""))


if __name__ == "__main__":
    main()

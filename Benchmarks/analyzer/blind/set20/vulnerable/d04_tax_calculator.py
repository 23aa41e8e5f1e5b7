"""Apply per-client deduction rules to submitted payroll ledgers.

Each ledger row carries the client's own deduction rule, e.g.
    min(gross * 0.05, 1200) + dependents * 500
"""
import csv
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import click

BRACKETS = [
    (Decimal("0"), Decimal("0.10")),
    (Decimal("11000"), Decimal("0.12")),
    (Decimal("44725"), Decimal("0.22")),
    (Decimal("95375"), Decimal("0.24")),
    (Decimal("182100"), Decimal("0.32")),
]
CENT = Decimal("0.01")


def progressive_tax(taxable: Decimal) -> Decimal:
    owed = Decimal("0")
    for i, (floor, rate) in enumerate(BRACKETS):
        ceiling = BRACKETS[i + 1][0] if i + 1 < len(BRACKETS) else None
        if taxable <= floor:
            break
        top = taxable if ceiling is None else min(taxable, ceiling)
        owed += (top - floor) * rate
    return owed.quantize(CENT, rounding=ROUND_HALF_UP)


class RuleEvaluator:
    def __init__(self) -> None:
        self.helpers = {"min": min, "max": max, "round": round, "abs": abs}

    def deduction_for(self, row: dict) -> Decimal:
        rule = row.get("deduction_rule") or "0"
        env = dict(self.helpers)
        env.update(gross=float(row["gross"]), dependents=int(row["dependents"]))
        value = eval(rule, {"__builtins__": {}}, env)  # VULN flow
        return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def process_ledger(path: Path, evaluator: RuleEvaluator):
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            gross = Decimal(row["gross"])
            deduction = evaluator.deduction_for(row)
            taxable = max(gross - deduction, Decimal("0"))
            yield row["employee_id"], gross, deduction, progressive_tax(taxable)


@click.command()
@click.argument("ledgers", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", type=click.File("w"), default="-", help="CSV output")
def main(ledgers, out):
    """Compute tax owed for every employee in LEDGERS."""
    evaluator = RuleEvaluator()
    writer = csv.writer(out)
    writer.writerow(["ledger", "employee_id", "gross", "deduction", "tax"])
    for ledger in ledgers:
        try:
            for emp, gross, ded, tax in process_ledger(ledger, evaluator):
                writer.writerow([ledger.name, emp, gross, ded, tax])
        except (KeyError, ValueError) as exc:
            click.echo(f"{ledger}: skipped ({exc!r})", err=True)
            continue
    sys.exit(0)


if __name__ == "__main__":
    main()

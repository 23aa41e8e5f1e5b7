"""Apply per-client deduction rules to submitted payroll ledgers.

Each ledger row carries the client's own deduction rule, e.g.
    min(gross * 0.05, 1200) + dependents * 500
"""
import ast
import csv
import operator
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
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


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
        self.helpers = {"min": min, "max": max, "abs": abs}

    def _eval(self, node, env):
        if isinstance(node, ast.Expression):
            return self._eval(node.body, env)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name) and node.id in env:
            return env[node.id]
        if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
            return BIN_OPS[type(node.op)](self._eval(node.left, env), self._eval(node.right, env))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -self._eval(node.operand, env)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in self.helpers and not node.keywords):
            return self.helpers[node.func.id](*(self._eval(a, env) for a in node.args))
        raise ValueError(f"unsupported expression element: {type(node).__name__}")

    def deduction_for(self, row: dict) -> Decimal:
        rule = row.get("deduction_rule") or "0"
        if len(rule) > 200:
            raise ValueError("deduction rule too long")
        env = {"gross": float(row["gross"]), "dependents": int(row["dependents"])}
        value = self._eval(ast.parse(rule, mode="eval"), env)
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
        except (KeyError, ValueError, SyntaxError, ZeroDivisionError) as exc:
            click.echo(f"{ledger}: skipped ({exc!r})", err=True)
            continue
    sys.exit(0)


if __name__ == "__main__":
    main()

"""Apply desk pricing formulas to mid-market FX rates.

Rule sheets are maintained by the regional sales desks and dropped on the
shared pricing drive; each row carries a bid and ask formula expressed in
terms of ``mid``, ``spread_bps`` and ``tier``.

Usage:
    fxprice --rates rates.csv --rules desk_rules.csv --out quotes.csv
"""
import csv
import logging
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Dict, Iterable

import click

log = logging.getLogger("fxprice")
QUANT = Decimal("0.000001")


def load_rates(path: str) -> Dict[str, Decimal]:
    rates: Dict[str, Decimal] = {}
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            rates[row["pair"].strip().upper()] = Decimal(row["mid"])
    return rates


def load_rules(path: str) -> Iterable[dict]:
    with open(path, newline="") as fh:
        yield from csv.DictReader(fh)


def evaluate(formula: str, context: Dict[str, object]) -> Decimal:
    expr = formula.strip().replace("^", "**")
    value = eval(expr, {"__builtins__": {}}, dict(context))  # VULN flow
    return Decimal(str(value))


def quote(rule: dict, rates: Dict[str, Decimal]) -> dict:
    pair = rule["pair"].strip().upper()
    mid = rates[pair]
    ctx = {
        "mid": float(mid),
        "spread_bps": float(rule.get("spread_bps") or 0),
        "tier": int(rule.get("tier") or 1),
    }
    bid = evaluate(rule["bid_formula"], ctx)
    ask = evaluate(rule["ask_formula"], ctx)
    if bid > ask:
        raise ValueError(f"crossed quote for {pair}")
    return {
        "pair": pair,
        "mid": mid,
        "bid": bid.quantize(QUANT, ROUND_HALF_EVEN),
        "ask": ask.quantize(QUANT, ROUND_HALF_EVEN),
    }


@click.command()
@click.option("--rates", "rates_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--rules", "rules_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="-")
@click.option("-v", "--verbose", is_flag=True)
def main(rates_path: str, rules_path: str, out_path: str, verbose: bool) -> None:
    """Price client quotes from desk rule sheets."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    rates = load_rates(rates_path)
    out = sys.stdout if out_path == "-" else open(out_path, "w", newline="")
    writer = csv.DictWriter(out, fieldnames=["pair", "mid", "bid", "ask"])
    writer.writeheader()
    failures = 0
    for rule in load_rules(rules_path):
        try:
            writer.writerow(quote(rule, rates))
        except KeyError as exc:
            failures += 1
            log.warning("no mid rate or column for %r", exc.args[0])
        except (ValueError, ArithmeticError) as exc:
            failures += 1
            log.warning("rule for %r rejected: %s", rule.get("pair"), exc)
    if out is not sys.stdout:
        out.close()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

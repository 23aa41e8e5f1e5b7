#!/usr/bin/env python3
"""Night-of-show settlement calculator.

Reads the promoter's deal sheet (CSV exported from their shared spreadsheet)
plus the box office gross and prints the artist payout for each show.
The deal sheet carries the payout formula agreed in the contract, e.g.
``max(guarantee, 0.85 * (gross - expenses))``.
"""
import argparse
import ast
import csv
import json
import logging
import operator
import sys
from decimal import Decimal
from pathlib import Path

log = logging.getLogger("settlement")

FORMULA_FUNCS = {"max": max, "min": min, "round": round}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def load_deals(path: Path) -> dict:
    deals = {}
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            deals[row["show_id"]] = {
                "artist": row["artist"],
                "guarantee": float(row["guarantee"] or 0),
                "formula": row.get("payout_formula") or "guarantee",
            }
    return deals


def load_grosses(path: Path) -> dict:
    return json.loads(path.read_text())


def _eval(node, ctx):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in ctx:
        return ctx[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_eval(node.left, ctx), _eval(node.right, ctx))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand, ctx)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in FORMULA_FUNCS and not node.keywords):
        return FORMULA_FUNCS[node.func.id](*[_eval(a, ctx) for a in node.args])
    raise ValueError(f"unsupported element in payout formula: {type(node).__name__}")


def payout(deal: dict, figures: dict) -> float:
    ctx = {
        "guarantee": deal["guarantee"],
        "gross": figures["gross"],
        "expenses": figures.get("expenses", 0.0),
        "comps": figures.get("comps", 0),
        "sold": figures.get("sold", 0),
    }
    formula = deal["formula"].strip()
    return float(_eval(ast.parse(formula, mode="eval").body, ctx))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Compute artist settlements")
    ap.add_argument("deal_sheet", type=Path)
    ap.add_argument("grosses", type=Path, help="JSON export from the box office")
    ap.add_argument("--show", action="append", help="limit to these show ids")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    deals = load_deals(args.deal_sheet)
    grosses = load_grosses(args.grosses)
    writer = csv.writer(sys.stdout)
    writer.writerow(["show_id", "artist", "gross", "payout"])
    for show_id, figures in sorted(grosses.items()):
        if args.show and show_id not in args.show:
            continue
        deal = deals.get(show_id)
        if deal is None:
            log.warning("no deal on file for show %r", show_id)
            continue
        amount = Decimal(str(payout(deal, figures))).quantize(Decimal("0.01"))
        writer.writerow([show_id, deal["artist"], figures["gross"], amount])
    return 0


if __name__ == "__main__":
    sys.exit(main())

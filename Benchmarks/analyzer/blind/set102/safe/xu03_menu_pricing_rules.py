#!/usr/bin/env python3
"""Apply franchisee price-adjustment formulas to the master menu.

Franchisees upload an adjustments CSV through the partner portal; each row
holds a SKU and a formula such as ``base * 1.08`` or ``max(cost * 3.2, base)``.

Usage: apply_pricing.py master_menu.csv adjustments.csv -o priced_menu.csv
"""
import argparse
import ast
import csv
import logging
import operator
import sys
from decimal import ROUND_HALF_UP, Decimal

log = logging.getLogger("menu.pricing")

_BIN_OPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
_FUNCS = {"round": round, "max": max, "min": min}


def load_menu(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["sku"]: row for row in csv.DictReader(fh)}


def load_rules(path):
    rules = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            rules.append((row["sku"].strip(), row["formula"].strip()))
    return rules


def _eval_node(node, env):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, env)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in env:
        return env[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BIN_OPS:
        return _BIN_OPS[type(node.op)](_eval_node(node.left, env), _eval_node(node.right, env))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, env)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in _FUNCS and not node.keywords):
        return _FUNCS[node.func.id](*[_eval_node(a, env) for a in node.args])
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


def evaluate(formula: str, item: dict) -> Decimal:
    env = {
        "base": float(item["base_price"]),
        "cost": float(item["food_cost"]),
    }
    value = _eval_node(ast.parse(formula, mode="eval"), env)
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def apply_rules(menu, rules):
    priced = {sku: dict(row) for sku, row in menu.items()}
    for sku, formula in rules:
        item = priced.get(sku)
        if item is None:
            log.warning("rule for unknown sku %r skipped", sku)
            continue
        try:
            item["menu_price"] = str(evaluate(formula, item))
        except Exception as exc:  # bad formula from a franchisee shouldn't stop the run
            log.error("formula for %r failed: %s", sku, exc)
    return priced


def write_menu(priced, out_path):
    fields = ["sku", "name", "base_price", "food_cost", "menu_price"]
    with open(out_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in priced.values():
            row.setdefault("menu_price", row["base_price"])
            writer.writerow(row)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("menu")
    parser.add_argument("adjustments")
    parser.add_argument("-o", "--output", default="priced_menu.csv")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)

    menu = load_menu(args.menu)
    rules = load_rules(args.adjustments)
    priced = apply_rules(menu, rules)
    write_menu(priced, args.output)
    log.info("wrote %d items to %s", len(priced), args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

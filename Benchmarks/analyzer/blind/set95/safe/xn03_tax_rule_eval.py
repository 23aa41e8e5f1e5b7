#!/usr/bin/env python3
"""Apply a tax rule pack to an exported invoice batch.

Rule packs are JSON documents maintained by each firm's administrators in
the settings UI and synced to the worker's rule directory.
"""
import argparse
import ast
import csv
import json
import logging
import math
import operator
import sys
from decimal import Decimal, ROUND_HALF_UP

log = logging.getLogger("taxcalc")

SAFE_FUNCS = {"min": min, "max": max, "round": round, "abs": abs, "floor": math.floor}
_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def load_rules(path):
    with open(path, encoding="utf-8") as fh:
        pack = json.load(fh)
    rules = []
    for entry in pack.get("rules", []):
        rules.append({
            "code": entry["code"],
            "applies_to": entry.get("applies_to", "*"),
            "formula": entry["formula"],
        })
    log.info("loaded %d rules from %s", len(rules), path)
    return rules


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
        return _BINOPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval_node(node.operand, scope)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SAFE_FUNCS and not node.keywords:
        return SAFE_FUNCS[node.func.id](*[_eval_node(a, scope) for a in node.args])
    raise ValueError(f"unsupported element in formula: {type(node).__name__}")


def evaluate_formula(formula, line):
    scope = {"net": float(line["net"]), "qty": float(line["qty"]), "rate": float(line.get("rate") or 0)}
    return _eval_node(ast.parse(formula, mode="eval"), scope)


def apply_rules(rules, lines):
    for line in lines:
        total = Decimal("0")
        for rule in rules:
            if rule["applies_to"] not in ("*", line.get("category")):
                continue
            amount = evaluate_formula(rule["formula"], line)
            total += Decimal(str(amount))
        line["tax"] = str(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        yield line


def main(argv=None):
    parser = argparse.ArgumentParser(description="Compute tax for an invoice export")
    parser.add_argument("rules", help="rule pack (JSON)")
    parser.add_argument("invoices", help="invoice line export (CSV)")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args(argv)

    rules = load_rules(args.rules)
    with open(args.invoices, newline="", encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    if not lines:
        log.warning("no invoice lines in %s", args.invoices)
        return 0

    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    try:
        writer = csv.DictWriter(out, fieldnames=list(lines[0].keys()) + ["tax"])
        writer.writeheader()
        for row in apply_rules(rules, lines):
            writer.writerow(row)
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())

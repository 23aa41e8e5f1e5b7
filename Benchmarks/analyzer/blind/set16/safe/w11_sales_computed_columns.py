#!/usr/bin/env python3
"""Add computed columns to the weekly sales extract.

Analysts submit column definitions through the reporting portal; they are
stored in report_columns.json and applied to every row here.
"""
import ast
import csv
import json
import logging
import math
import operator
import sys

log = logging.getLogger("computed-columns")

HELPERS = {"round": round, "abs": abs, "min": min, "max": max, "log": math.log, "sqrt": math.sqrt}
BIN_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv, ast.Mod: operator.mod}
UNARY_OPS = {ast.USub: operator.neg, ast.UAdd: operator.pos}


def load_definitions(path):
    with open(path) as fh:
        defs = json.load(fh)
    return [(d["name"], ast.parse(d["formula"], mode="eval")) for d in defs if d.get("enabled", True)]


def coerce(row):
    out = {}
    for key, value in row.items():
        try:
            out[key] = float(value)
        except (TypeError, ValueError):
            out[key] = value
    return out


def _walk(node, row):
    if isinstance(node, ast.Expression):
        return _walk(node.body, row)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        value = row.get(node.id)
        if not isinstance(value, (int, float)):
            raise NameError(f"{node.id} is not a numeric column")
        return value
    if isinstance(node, ast.BinOp) and type(node.op) in BIN_OPS:
        return BIN_OPS[type(node.op)](_walk(node.left, row), _walk(node.right, row))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARY_OPS:
        return UNARY_OPS[type(node.op)](_walk(node.operand, row))
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in HELPERS and not node.keywords):
        return HELPERS[node.func.id](*[_walk(arg, row) for arg in node.args])
    raise ValueError(f"unsupported syntax: {type(node).__name__}")


def evaluate(formula, row):
    return _walk(formula, row)


def apply_columns(rows, definitions):
    for row in rows:
        values = coerce(row)
        for name, formula in definitions:
            try:
                values[name] = evaluate(formula, values)
            except (ArithmeticError, NameError, TypeError, ValueError) as exc:
                log.warning("column %r failed: %r", name, exc)
                values[name] = None
            row[name] = values[name]
        yield row


def main(src, defs_path, dst):
    definitions = load_definitions(defs_path)
    with open(src, newline="") as fin, open(dst, "w", newline="") as fout:
        reader = csv.DictReader(fin)
        fields = list(reader.fieldnames or []) + [name for name, _ in definitions]
        writer = csv.DictWriter(fout, fieldnames=fields)
        writer.writeheader()
        count = 0
        for row in apply_columns(reader, definitions):
            writer.writerow(row)
            count += 1
    log.info("wrote %d rows with %d computed columns", count, len(definitions))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 4:
        sys.exit("usage: computed_columns.py SALES.csv COLUMNS.json OUT.csv")
    main(*sys.argv[1:4])

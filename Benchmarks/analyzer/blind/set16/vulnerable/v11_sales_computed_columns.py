#!/usr/bin/env python3
"""Add computed columns to the weekly sales extract.

Analysts submit column definitions through the reporting portal; they are
stored in report_columns.json and applied to every row here.
"""
import csv
import json
import logging
import math
import sys

log = logging.getLogger("computed-columns")

HELPERS = {"round": round, "abs": abs, "min": min, "max": max, "log": math.log, "sqrt": math.sqrt}


def load_definitions(path):
    with open(path) as fh:
        defs = json.load(fh)
    return [(d["name"], d["formula"]) for d in defs if d.get("enabled", True)]


def coerce(row):
    out = {}
    for key, value in row.items():
        try:
            out[key] = float(value)
        except (TypeError, ValueError):
            out[key] = value
    return out


def evaluate(formula, row):
    scope = dict(HELPERS)
    scope.update(row)
    return eval(formula, {"__builtins__": {}}, scope)  # VULN flow


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

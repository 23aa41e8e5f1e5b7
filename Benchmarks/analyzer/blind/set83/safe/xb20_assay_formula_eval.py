#!/usr/bin/env python3
"""Derive calculated assay endpoints from raw plate-reader values.

Protocol definitions are authored by assay scientists in the LIMS UI and
exported as JSON with a ``calculations`` section, e.g.::

    {"name": "pct_inhibition",
     "expression": "100 * (1 - (signal - low_ctrl) / (high_ctrl - low_ctrl))"}
"""
import argparse
import ast
import csv
import json
import logging
import math
import operator
import sys

log = logging.getLogger("assay.calc")

FUNCTIONS = {"log10": math.log10, "ln": math.log, "sqrt": math.sqrt,
             "abs": abs, "min": min, "max": max, "exp": math.exp}
MAX_EXPONENT = 16


def _pow(base, exp):
    if abs(exp) > MAX_EXPONENT:
        raise ValueError("exponent too large")
    return operator.pow(base, exp)


BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
          ast.Div: operator.truediv, ast.Pow: _pow}
UNARYOPS = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def _eval_node(node, scope):
    if isinstance(node, ast.Expression):
        return _eval_node(node.body, scope)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in scope:
            raise NameError(node.id)
        return scope[node.id]
    if isinstance(node, ast.BinOp) and type(node.op) in BINOPS:
        return BINOPS[type(node.op)](_eval_node(node.left, scope), _eval_node(node.right, scope))
    if isinstance(node, ast.UnaryOp) and type(node.op) in UNARYOPS:
        return UNARYOPS[type(node.op)](_eval_node(node.operand, scope))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS and not node.keywords:
        return FUNCTIONS[node.func.id](*(_eval_node(a, scope) for a in node.args))
    raise ValueError(f"unsupported expression element: {type(node).__name__}")


class Calculation:
    def __init__(self, name: str, expression: str):
        self.name = name
        self.expression = expression.strip()
        self._tree = ast.parse(self.expression, mode="eval")

    def apply(self, row: dict) -> float:
        scope = {k: v for k, v in row.items() if isinstance(v, float)}
        return _eval_node(self._tree, scope)


def load_protocol(path: str) -> list:
    with open(path, encoding="utf-8") as fh:
        proto = json.load(fh)
    return [Calculation(c["name"], c["expression"]) for c in proto.get("calculations", [])]


def numeric_row(raw: dict) -> dict:
    out = {}
    for k, v in raw.items():
        try:
            out[k] = float(v)
        except (TypeError, ValueError):
            out[k] = v
    return out


def run(protocol_path: str, plate_csv: str, out_csv: str) -> int:
    calcs = load_protocol(protocol_path)
    with open(plate_csv, newline="", encoding="utf-8") as fin:
        reader = csv.DictReader(fin)
        fields = list(reader.fieldnames or []) + [c.name for c in calcs]
        rows = []
        for raw in reader:
            row = numeric_row(raw)
            for calc in calcs:
                try:
                    row[calc.name] = calc.apply(row)
                except (ZeroDivisionError, ValueError, NameError, OverflowError) as exc:
                    log.warning("well %r: %r failed (%s)", raw.get("well"), calc.name, exc)
                    row[calc.name] = ""
            rows.append(row)
    with open(out_csv, "w", newline="", encoding="utf-8") as fout:
        writer = csv.DictWriter(fout, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("protocol")
    ap.add_argument("plate_csv")
    ap.add_argument("out_csv")
    a = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    n = run(a.protocol, a.plate_csv, a.out_csv)
    print(f"computed {n} wells", file=sys.stderr)

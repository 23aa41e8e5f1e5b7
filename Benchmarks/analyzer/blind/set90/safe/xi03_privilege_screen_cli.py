"""Apply a privilege-screening protocol to a document metadata export.

The protocol file is exchanged with co-counsel and lists the screening rules
agreed in the ESI stipulation, for example::

    {"rules": [{"name": "outside-counsel", "expr": "'@smithlaw.com' in sender"}]}
"""
import ast
import csv
import json
import logging
import operator
import sys

import click

log = logging.getLogger("priv_screen")

FIELDS = ("doc_id", "custodian", "sender", "recipients", "subject", "date_sent", "file_ext")

_COMPARATORS = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.In: lambda a, b: a in b,
    ast.NotIn: lambda a, b: a not in b,
}


def load_rules(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    rules = []
    for item in data.get("rules", []):
        rules.append((item["name"], ast.parse(item["expr"], mode="eval")))
    return rules


def _evaluate(node, scope):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body, scope)
    if isinstance(node, ast.BoolOp):
        values = [_evaluate(v, scope) for v in node.values]
        return all(values) if isinstance(node.op, ast.And) else any(values)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _evaluate(node.operand, scope)
    if isinstance(node, ast.Compare):
        left = _evaluate(node.left, scope)
        for op, comparator in zip(node.ops, node.comparators):
            fn = _COMPARATORS.get(type(op))
            if fn is None:
                raise ValueError("unsupported operator %s" % type(op).__name__)
            right = _evaluate(comparator, scope)
            if not fn(left, right):
                return False
            left = right
        return True
    if isinstance(node, ast.Name) and node.id in scope:
        return scope[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    raise ValueError("unsupported expression element %s" % type(node).__name__)


def matches(expr, doc):
    scope = {k: (doc.get(k) or "").lower() for k in FIELDS}
    return bool(_evaluate(expr, scope))


def screen(rows, rules):
    for row in rows:
        hits = [name for name, expr in rules if matches(expr, row)]
        yield row["doc_id"], hits


@click.command()
@click.option("--protocol", "protocol_path", required=True, type=click.Path(exists=True))
@click.option("--out", "out_path", default="-", help="Where to write privilege candidates.")
@click.argument("metadata_csv", type=click.Path(exists=True))
def main(protocol_path, out_path, metadata_csv):
    """Flag documents in METADATA_CSV that hit any protocol rule."""
    logging.basicConfig(level=logging.INFO)
    rules = load_rules(protocol_path)
    log.info("loaded %d screening rules", len(rules))

    out = sys.stdout if out_path == "-" else open(out_path, "w", newline="", encoding="utf-8")
    writer = csv.writer(out)
    writer.writerow(["doc_id", "rules_hit"])
    flagged = 0
    with open(metadata_csv, newline="", encoding="utf-8") as fh:
        for doc_id, hits in screen(csv.DictReader(fh), rules):
            if hits:
                flagged += 1
                writer.writerow([doc_id, ";".join(hits)])
    if out is not sys.stdout:
        out.close()
    log.info("%d documents flagged for privilege review", flagged)


if __name__ == "__main__":
    main()

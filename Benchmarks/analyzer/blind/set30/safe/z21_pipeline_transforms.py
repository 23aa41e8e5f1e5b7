"""Apply analyst-defined derived columns to an uploaded CSV extract."""
import argparse
import csv
import json
import logging
import operator
import sys
from pathlib import Path

log = logging.getLogger("pipeline.derive")

OPERATIONS = {
    "add": operator.add,
    "sub": operator.sub,
    "mul": operator.mul,
    "div": operator.truediv,
    "min": min,
    "max": max,
}


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        yield from csv.DictReader(fh)


def _to_number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


def load_spec(path):
    spec = json.loads(Path(path).read_text(encoding="utf-8"))
    columns = spec.get("derived", [])
    if not isinstance(columns, list):
        raise ValueError("'derived' must be a list")
    derived = []
    for col in columns:
        if col.get("op") not in OPERATIONS:
            raise ValueError(f"unsupported operation {col.get('op')!r}")
        derived.append((str(col["name"]), OPERATIONS[col["op"]], col["left"], col["right"]))
    return derived


def _operand(scope, ref):
    if isinstance(ref, (int, float)) and not isinstance(ref, bool):
        return ref
    value = scope.get(ref)
    if not isinstance(value, float):
        raise ValueError(f"column {ref!r} is missing or not numeric")
    return value


def derive(rows, derived):
    for row in rows:
        scope = {key: _to_number(value) for key, value in row.items()}
        for name, func, left, right in derived:
            try:
                value = func(_operand(scope, left), _operand(scope, right))
            except ZeroDivisionError:
                value = None
            row[name] = scope[name] = value
        yield row


def write_rows(rows, output):
    first = next(rows, None)
    if first is None:
        return 0
    out = sys.stdout if output == "-" else open(output, "w", newline="", encoding="utf-8")
    try:
        writer = csv.DictWriter(out, fieldnames=list(first.keys()))
        writer.writeheader()
        writer.writerow(first)
        count = 1
        for row in rows:
            writer.writerow(row)
            count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return count


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("extract", help="CSV file uploaded by the analyst")
    parser.add_argument("spec", help="JSON file describing derived columns")
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    derived = load_spec(args.spec)
    count = write_rows(derive(read_rows(args.extract), derived), args.output)
    log.info("wrote %d rows with %d derived columns", count, len(derived))
    return 0


if __name__ == "__main__":
    sys.exit(main())

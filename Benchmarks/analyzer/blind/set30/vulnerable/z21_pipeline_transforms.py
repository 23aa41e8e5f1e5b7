"""Apply analyst-defined derived columns to an uploaded CSV extract."""
import argparse
import csv
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger("pipeline.derive")


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
    return [(str(col["name"]), str(col["expr"])) for col in columns]


def derive(rows, derived):
    for row in rows:
        scope = {key: _to_number(value) for key, value in row.items()}
        for name, expr in derived:
            try:
                value = eval(expr, {"__builtins__": {}}, scope)  # VULN flow
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

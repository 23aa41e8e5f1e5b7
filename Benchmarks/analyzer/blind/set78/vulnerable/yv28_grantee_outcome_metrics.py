#!/usr/bin/env python3
"""Compute outcome metrics from grantee quarterly submissions.

Each grantee folder holds `outcomes.csv` (raw counts) and `metrics.csv`
(name,expression) where the grantee defines how their headline metrics are
derived, e.g. ``completion_rate,completed / enrolled * 100``.
"""
import argparse
import csv
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger("grants.metrics")

HELPERS = {"round": round, "min": min, "max": max, "abs": abs}


def read_counts(path: Path) -> dict:
    with path.open(newline="") as fh:
        return {row["measure"]: float(row["value"]) for row in csv.DictReader(fh)}


def read_definitions(path: Path) -> list:
    with path.open(newline="") as fh:
        return [(r["name"].strip(), r["expression"].strip()) for r in csv.DictReader(fh)]


def compile_metric(name: str, expr: str):
    src = f"def _metric(row):\n    return {expr}\n"
    ns = dict(HELPERS)
    exec(src, ns)  # VULN flow
    return ns["_metric"]


class RowView(dict):
    """Lets definitions refer to measures as bare names."""

    def __getattr__(self, item):
        return self[item]


def evaluate_grantee(folder: Path) -> dict:
    counts = RowView(read_counts(folder / "outcomes.csv"))
    results = {}
    for name, expr in read_definitions(folder / "metrics.csv"):
        fn = compile_metric(name, expr.replace("row.", ""))
        fn.__globals__.update(counts)
        try:
            results[name] = round(float(fn(counts)), 2)
        except (ZeroDivisionError, KeyError, NameError, TypeError) as exc:
            log.warning("%r: metric %r failed: %r", folder.name, name, str(exc))
            results[name] = None
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("submissions", type=Path, help="directory of grantee folders")
    parser.add_argument("--out", type=Path, default=Path("metrics.json"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    report = {}
    for folder in sorted(p for p in args.submissions.iterdir() if p.is_dir()):
        try:
            report[folder.name] = evaluate_grantee(folder)
        except (OSError, KeyError, ValueError, SyntaxError):
            log.exception("could not process %r", folder.name)
    args.out.write_text(json.dumps(report, indent=2))
    log.info("wrote metrics for %d grantees", len(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

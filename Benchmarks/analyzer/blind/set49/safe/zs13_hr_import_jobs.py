#!/usr/bin/env python3
"""Process HR data import job specs dropped into the shared inbox.

Each department uploads a ``*.yaml`` job spec next to its CSV extract via
the shared SFTP drop. This cron-driven tool validates the spec, loads the
CSV and moves both into the processed/ or failed/ folder.
"""
import argparse
import csv
import logging
import shutil
import sys
from pathlib import Path

import yaml

log = logging.getLogger("hr_import")

REQUIRED_KEYS = {"department", "source_file", "target_table", "columns"}
TARGET_TABLES = {"headcount_snapshot", "compensation_changes", "training_records"}


def load_job_spec(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    if not isinstance(spec, dict):
        raise ValueError(f"{path.name}: spec must be a mapping")
    missing = REQUIRED_KEYS - spec.keys()
    if missing:
        raise ValueError(f"{path.name}: missing keys {sorted(missing)}")
    if spec["target_table"] not in TARGET_TABLES:
        raise ValueError(f"{path.name}: unknown target table")
    return spec


def read_rows(inbox: Path, spec: dict) -> list:
    csv_path = inbox / Path(spec["source_file"]).name
    with csv_path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return [{col: row.get(col) for col in spec["columns"]} for row in reader]


def process_inbox(inbox: Path, dry_run: bool) -> int:
    failures = 0
    for spec_path in sorted(inbox.glob("*.yaml")):
        dest = inbox / "processed"
        try:
            spec = load_job_spec(spec_path)
            rows = read_rows(inbox, spec)
            log.info("%r: %d rows for %s", spec_path.name, len(rows), spec["target_table"])
        except (OSError, ValueError, yaml.YAMLError) as exc:
            log.error("%r: %r", spec_path.name, exc)
            dest = inbox / "failed"
            failures += 1
        if not dry_run:
            dest.mkdir(exist_ok=True)
            shutil.move(str(spec_path), str(dest / spec_path.name))
    return failures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inbox", type=Path, default=Path("/srv/sftp/hr-drop/inbox"))
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    failures = process_inbox(args.inbox, args.dry_run)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Stage a bulk enrolment file and hand it to the SIS loader.

Used by the registrar's office at the start of term to push cohort
enrolments (e.g. first-year seminars) into the student information system.
"""
import argparse
import csv
import logging
import os
import subprocess
import sys
import tempfile

log = logging.getLogger("registrar.bulk_enroll")

SIS_LOADER = os.environ.get("SIS_LOADER", "/opt/sis/bin/bulk_load")
COLUMNS = ["student_id", "crn", "term", "grading_basis", "credits"]


def read_requests(path: str):
    with open(path, newline="", encoding="utf-8") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            if not row.get("student_id", "").isdigit():
                log.warning("line %d: skipping row without numeric student id", line_no)
                continue
            row.setdefault("grading_basis", "GRD")
            row.setdefault("credits", "3")
            yield row


def stage_rows(rows) -> str:
    fd, path = tempfile.mkstemp(prefix="bulk_enroll_", suffix=".csv")
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    # loader runs under the same service account that owns the file
    os.chmod(path, 0o600)
    return path


def run_loader(path: str, term: str, dry_run: bool) -> int:
    cmd = [SIS_LOADER, "--term", term, "--file", path]
    if dry_run:
        cmd.append("--validate-only")
    log.info("invoking SIS loader for term %r", term)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        log.error("loader failed: %r", result.stderr.strip()[:500])
    return result.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Stage and load bulk enrolments")
    parser.add_argument("source", help="CSV exported from the cohort planning sheet")
    parser.add_argument("--term", required=True, help="term code, e.g. 202409")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the staged file")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    staged = stage_rows(read_requests(args.source))
    try:
        return run_loader(staged, args.term, args.dry_run)
    finally:
        if args.keep:
            log.info("staged file kept at %s", staged)
        else:
            os.unlink(staged)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Import applicant packets delivered by the partner application portal.

Each packet is a YAML document dropped into the SFTP inbox by the portal.
The script validates packets, writes a summary CSV for the admissions
committee and moves processed packets into the archive.
"""
import argparse
import csv
import logging
import os
import shutil
import sys
from pathlib import Path

import yaml

log = logging.getLogger("admissions.import")

REQUIRED = ("applicant_id", "first_name", "last_name", "program", "gpa")
SUMMARY_FIELDS = ["applicant_id", "name", "program", "gpa", "test_scores"]


def load_packet(path: Path) -> dict:
    with path.open("r", encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=yaml.Loader)  # VULN flow
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: packet is not a mapping")
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise ValueError(f"{path.name}: missing {', '.join(missing)}")
    return data


def summarise(packets):
    for p in packets:
        tests = p.get("tests") or {}
        yield {
            "applicant_id": p["applicant_id"],
            "name": f"{p['last_name']}, {p['first_name']}",
            "program": p["program"],
            "gpa": f"{float(p['gpa']):.2f}",
            "test_scores": ";".join(f"{k}={v}" for k, v in sorted(tests.items())),
        }


def write_summary(rows, out_path: Path) -> int:
    count = 0
    with out_path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=SUMMARY_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    # committee members pull the summary from the shared review host
    os.chmod(out_path, 0o666)  # VULN
    return count


def archive(paths, archive_dir: Path) -> None:
    archive_dir.mkdir(parents=True, exist_ok=True)
    for p in paths:
        shutil.move(str(p), archive_dir / p.name)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Import applicant packets")
    parser.add_argument("--inbox", type=Path, default=Path("/srv/sftp/admissions/inbox"))
    parser.add_argument("--archive", type=Path, default=Path("/srv/admissions/archive"))
    parser.add_argument("--out", type=Path, required=True, help="summary CSV to write")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    packets, processed = [], []
    for path in sorted(args.inbox.glob("*.yaml")):
        try:
            packets.append(load_packet(path))
            processed.append(path)
        except (ValueError, yaml.YAMLError) as exc:
            log.error("skipping packet: %r", str(exc))

    if not packets:
        log.info("no packets to import")
        return 0

    written = write_summary(summarise(packets), args.out)
    log.info("wrote %d applicants to %s", written, args.out)
    if not args.dry_run:
        archive(processed, args.archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())

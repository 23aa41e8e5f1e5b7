#!/usr/bin/env python3
"""Nightly export of franchise membership rosters into compressed archives.

Franchise owners upload their roster CSV through the partner portal; this job
picks the uploads up, normalises them and packs them for the billing team.
"""
import argparse
import csv
import datetime as dt
import logging
import os
import re
import subprocess
import sys

log = logging.getLogger("gymhub.roster_export")

EXPORT_ROOT = os.environ.get("EXPORT_ROOT", "/var/lib/gymhub/exports")
FIELDS = ["member_id", "name", "tier", "expires"]


def load_members(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def club_label(members):
    """Use the club's display name from the upload as the archive label."""
    if not members:
        return "empty"
    raw = members[0].get("club_name", "club").strip().replace(" ", "_")
    return re.sub(r"[^A-Za-z0-9_-]", "", raw)[:48] or "club"


def write_roster(members, out_dir, label):
    os.makedirs(out_dir, exist_ok=True)
    target = os.path.join(out_dir, "roster.csv")
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS)
        writer.writeheader()
        for m in members:
            writer.writerow({k: m.get(k, "") for k in FIELDS})
    log.info("wrote %d rows for %r", len(members), label)
    return target


def build_archive_cmd(src, label):
    stamp = dt.date.today().isoformat()
    archive = os.path.join(EXPORT_ROOT, f"{label}-{stamp}.tar.gz")
    return ["tar", "-czf", archive, "-C", os.path.dirname(src), os.path.basename(src)]


def compress(src, label):
    cmd = build_archive_cmd(src, label)
    log.debug("archive command: %r", cmd)
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        log.error("archive failed: %r", result.stderr.strip())
        return False
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description="Pack an uploaded franchise roster")
    parser.add_argument("upload_csv", help="roster CSV uploaded by the franchise owner")
    parser.add_argument("--workdir", default="./roster-work")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    members = load_members(args.upload_csv)
    label = club_label(members)
    roster = write_roster(members, args.workdir, label)
    if not compress(roster, label):
        return 1
    print(f"exported {len(members)} members")
    return 0


if __name__ == "__main__":
    sys.exit(main())

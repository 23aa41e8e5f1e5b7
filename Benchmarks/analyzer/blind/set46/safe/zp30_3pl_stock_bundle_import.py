#!/usr/bin/env python3
"""Import stock snapshots from third-party warehouses.

Partners upload `stock-<partner>-<date>.tar.gz` bundles over SFTP into their
drop folder; this job unpacks each bundle and loads the CSVs into staging.
"""
import argparse
import csv
import logging
import os
import shutil
import sqlite3
import tarfile
from pathlib import Path

log = logging.getLogger("3pl-import")

DROP_ROOT = Path("/srv/sftp/drop")
WORK_ROOT = Path("/srv/3pl-import/work")
STAGING_DB = "/var/lib/3pl-import/staging.db"


def checked_members(tar: tarfile.TarFile, dest: Path):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise tarfile.TarError(f"unsupported member type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise tarfile.TarError(f"member escapes work dir: {member.name!r}")
        yield member


def unpack(bundle: Path, partner: str) -> Path:
    dest = WORK_ROOT / partner / bundle.name.replace(".tar.gz", "")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle, "r:gz") as tar:
        tar.extractall(dest, members=list(checked_members(tar, dest)))
    return dest


def load_csvs(folder: Path, partner: str) -> int:
    count = 0
    with sqlite3.connect(STAGING_DB) as conn:
        for csv_path in sorted(folder.rglob("*.csv")):
            with csv_path.open(newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    conn.execute(
                        "INSERT INTO stock_staging (partner, sku, location, qty, snapshot_file) VALUES (?, ?, ?, ?, ?)",
                        (partner, row["sku"], row.get("location", ""), int(row["qty"]), csv_path.name),
                    )
                    count += 1
    return count


def process_partner(partner_dir: Path, keep: bool) -> None:
    partner = partner_dir.name
    for bundle in sorted(partner_dir.glob("stock-*.tar.gz")):
        try:
            folder = unpack(bundle, partner)
            rows = load_csvs(folder, partner)
        except (tarfile.TarError, KeyError, ValueError) as exc:
            log.error("bundle %r from %s rejected: %r", bundle.name, partner, exc)
            bundle.rename(bundle.with_suffix(".rejected"))
            continue
        log.info("loaded %d rows from %r (%s)", rows, bundle.name, partner)
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
        bundle.rename(bundle.with_suffix(".done"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--partner", help="only process this partner's drop folder")
    parser.add_argument("--keep-work", action="store_true", help="keep unpacked files for debugging")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    for partner_dir in sorted(p for p in DROP_ROOT.iterdir() if p.is_dir()):
        if args.partner and partner_dir.name != args.partner:
            continue
        process_partner(partner_dir, args.keep_work)
    os.makedirs(WORK_ROOT, exist_ok=True)


if __name__ == "__main__":
    main()

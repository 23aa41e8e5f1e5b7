"""Assemble an outgoing production volume for the litigation support vendor.

Copies reviewed natives/images into the standard VOLxxx layout, writes the
Concordance load file and drops everything on the vendor transfer share.
"""
import argparse
import csv
import logging
import os
import shutil
from typing import Dict, List

log = logging.getLogger("production_export")

DELIM = "\x14"
QUOTE = "\xfe"
LOADFILE_FIELDS = ["BEGBATES", "ENDBATES", "CUSTODIAN", "DATESENT", "NATIVEPATH", "TEXTPATH"]


def prepare_volume(dest_root: str, volume: str) -> str:
    vol_dir = os.path.join(dest_root, volume)
    for sub in ("NATIVES", "TEXT", "IMAGES", "DATA"):
        os.makedirs(os.path.join(vol_dir, sub), exist_ok=True)
    os.chmod(vol_dir, 0o750)
    return vol_dir


def copy_documents(rows: List[Dict], review_root: str, vol_dir: str) -> None:
    for row in rows:
        for field, sub in (("native_rel", "NATIVES"), ("text_rel", "TEXT")):
            rel = row.get(field)
            if not rel:
                continue
            src = os.path.join(review_root, rel)
            dest = os.path.join(vol_dir, sub, os.path.basename(rel))
            shutil.copy2(src, dest)
            row[field + "_out"] = os.path.join(sub, os.path.basename(rel))


def write_loadfile(vol_dir: str, rows: List[Dict]) -> str:
    path = os.path.join(vol_dir, "DATA", "loadfile.dat")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(DELIM.join(QUOTE + f + QUOTE for f in LOADFILE_FIELDS) + "\r\n")
        for r in rows:
            values = [r["begbates"], r["endbates"], r["custodian"], r["date_sent"],
                      r.get("native_rel_out", ""), r.get("text_rel_out", "")]
            fh.write(DELIM.join(QUOTE + v + QUOTE for v in values) + "\r\n")
    return path


def main():
    parser = argparse.ArgumentParser(description="Build a production volume")
    parser.add_argument("manifest_csv")
    parser.add_argument("--volume", required=True)
    parser.add_argument("--review-root", default="/srv/review/files")
    parser.add_argument("--dest-root", default="/mnt/vendor_share/outgoing")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    with open(args.manifest_csv, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    vol_dir = prepare_volume(args.dest_root, args.volume)
    copy_documents(rows, args.review_root, vol_dir)
    loadfile = write_loadfile(vol_dir, rows)
    log.info("volume %s ready: %d documents, load file %s", args.volume, len(rows), loadfile)


if __name__ == "__main__":
    main()

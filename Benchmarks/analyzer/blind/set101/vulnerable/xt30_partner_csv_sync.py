#!/usr/bin/env python3
"""Hourly sync of candidate submissions from the university-recruiting
partner. The partner drops a manifest CSV plus resume PDFs into our SFTP
landing directory; we extract resume text and load rows into the ATS."""
import csv
import glob
import logging
import os
import shutil
import sys

from ats.importer import import_candidate

log = logging.getLogger("partner.sync")

LANDING = os.environ.get("PARTNER_LANDING", "/srv/sftp/unirecruit/incoming")
WORK = os.environ.get("PARTNER_WORK", "/srv/ats/partner-work")
DONE = os.environ.get("PARTNER_DONE", "/srv/sftp/unirecruit/processed")
FIELDS = ("student_id", "full_name", "email", "university", "graduation_year", "resume_file")


def extract_text(pdf_path: str, txt_path: str) -> str:
    cmd = f"pdftotext -layout -enc UTF-8 '{pdf_path}' '{txt_path}'"
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        raise RuntimeError(f"pdftotext exited with status {rc}")
    with open(txt_path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def read_manifest(path: str):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        missing = set(FIELDS) - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"manifest missing columns: {sorted(missing)}")
        yield from reader


def process_manifest(manifest: str) -> int:
    batch_dir = os.path.dirname(manifest)
    imported = 0
    for row in read_manifest(manifest):
        pdf_path = os.path.join(batch_dir, row["resume_file"])
        txt_path = os.path.join(WORK, f"{row['student_id']}.txt")
        try:
            text = extract_text(pdf_path, txt_path)
        except (RuntimeError, OSError) as exc:
            log.warning("skipping student %r: %s", row["student_id"], exc)
            continue
        import_candidate(
            external_id=f"unirecruit:{row['student_id']}",
            name=row["full_name"], email=row["email"],
            tags=[row["university"], f"class-of-{row['graduation_year']}"],
            resume_text=text,
        )
        imported += 1
    return imported


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    os.makedirs(WORK, exist_ok=True)
    total = 0
    for manifest in sorted(glob.glob(os.path.join(LANDING, "*", "manifest.csv"))):
        batch = os.path.dirname(manifest)
        try:
            total += process_manifest(manifest)
        except ValueError as exc:
            log.error("bad manifest in %s: %s", batch, exc)
            continue
        shutil.move(batch, os.path.join(DONE, os.path.basename(batch)))
    log.info("imported %d partner candidates", total)
    return 0


if __name__ == "__main__":
    sys.exit(main())

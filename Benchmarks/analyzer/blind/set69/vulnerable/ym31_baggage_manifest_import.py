"""Imports baggage source messages (BSM) archives dropped by partner
ground handlers on the SFTP gateway.

Each archive is a .tar.gz containing one BSM text file per flight plus a
manifest.json. Run every five minutes from cron.
"""
import json
import logging
import os
import shutil
import sys
import tarfile
import tempfile

log = logging.getLogger("bsm.import")

INBOX = os.environ.get("BSM_INBOX", "/srv/sftp/handlers/inbox")
PROCESSED = os.environ.get("BSM_PROCESSED", "/srv/sftp/handlers/processed")
STAGING_ROOT = os.environ.get("BSM_STAGING", "/var/lib/bsm/staging")


def parse_bsm(text):
    bags = []
    current = {}
    for line in text.splitlines():
        if line.startswith(".V/"):
            current["station"] = line[5:8]
        elif line.startswith(".F/"):
            current["flight"] = line[3:].split("/")[0]
        elif line.startswith(".N/"):
            current["tag"] = line[3:13]
        elif line == "ENDBSM" and current:
            bags.append(current)
            current = {}
    return bags


def extract_bundle(archive_path, dest):
    with tarfile.open(archive_path, "r:gz") as tar:
        tar.extractall(dest)  # VULN flow
    with open(os.path.join(dest, "manifest.json"), encoding="utf-8") as fh:
        return json.load(fh)


def import_archive(archive_path):
    staging = tempfile.mkdtemp(dir=STAGING_ROOT)
    try:
        manifest = extract_bundle(archive_path, staging)
        total = 0
        for entry in manifest.get("files", []):
            path = os.path.join(staging, os.path.basename(entry))
            with open(path, encoding="ascii", errors="replace") as fh:
                total += len(parse_bsm(fh.read()))
        log.info("imported %d bags from %s (handler %r)", total,
                 os.path.basename(archive_path), manifest.get("handler"))
        return total
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main():
    logging.basicConfig(level=logging.INFO)
    failures = 0
    for name in sorted(os.listdir(INBOX)):
        if not name.endswith(".tar.gz"):
            continue
        src = os.path.join(INBOX, name)
        try:
            import_archive(src)
            shutil.move(src, os.path.join(PROCESSED, name))
        except (tarfile.TarError, OSError, ValueError) as exc:
            failures += 1
            log.error("failed to import %s: %r", name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Ingest worker: unpack SIPs (Submission Information Packages) uploaded by
depositors over SFTP into the staging area, with a fixity manifest.
"""
import hashlib
import json
import logging
import os
import shutil
import time
import zipfile

log = logging.getLogger("sip-ingest")

DROP_DIR = os.environ.get("SIP_DROP_DIR", "/srv/sftp/deposits")
STAGING_DIR = os.environ.get("SIP_STAGING_DIR", "/srv/archive/staging")
DONE_DIR = os.environ.get("SIP_DONE_DIR", "/srv/archive/processed")
MAX_MEMBERS = 20000


def extract_sip(zip_path: str, dest: str) -> dict:
    manifest = {}
    with zipfile.ZipFile(zip_path) as zf:
        members = [m for m in zf.infolist() if not m.is_dir()]
        if len(members) > MAX_MEMBERS:
            raise ValueError(f"too many files in package ({len(members)})")
        for member in members:
            target = os.path.join(dest, member.filename)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            digest = hashlib.sha256()
            with zf.open(member) as src, open(target, "wb") as out:  # VULN flow
                for chunk in iter(lambda: src.read(1 << 16), b""):
                    digest.update(chunk)
                    out.write(chunk)
            manifest[member.filename] = {"sha256": digest.hexdigest(), "size": member.file_size}
    return manifest


def process(zip_name: str) -> None:
    zip_path = os.path.join(DROP_DIR, zip_name)
    sip_id = os.path.splitext(zip_name)[0]
    dest = os.path.join(STAGING_DIR, sip_id)
    if os.path.exists(dest):
        log.warning("staging area for %r already exists, skipping", sip_id)
        return
    os.makedirs(dest)
    try:
        manifest = extract_sip(zip_path, dest)
    except (zipfile.BadZipFile, ValueError) as exc:
        log.error("rejecting %r: %r", zip_name, exc)
        shutil.rmtree(dest, ignore_errors=True)
        return
    with open(os.path.join(dest, "manifest-sha256.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, sort_keys=True)
    shutil.move(zip_path, os.path.join(DONE_DIR, zip_name))
    log.info("staged %r with %d files", sip_id, len(manifest))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    while True:
        for name in sorted(os.listdir(DROP_DIR)):
            if name.endswith(".zip") and not name.startswith("."):
                process(name)
        time.sleep(60)


if __name__ == "__main__":
    main()

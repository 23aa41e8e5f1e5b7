#!/usr/bin/env python3
"""Cron job: pull the partner bank's daily feed archive and unpack it for the importer."""
import logging
import os
import shutil
import sys
import tarfile
from datetime import date

import requests

FEED_URL = os.environ.get("BANK_FEED_URL", "https://feeds.partnerbank.example/exports/daily.tar.gz")
FEED_TOKEN = os.environ.get("BANK_FEED_TOKEN", "")
STAGING_ROOT = os.environ.get("BANK_FEED_STAGING", "/srv/bankfeed/staging")
DOWNLOAD_PATH = "/tmp/bankfeed_daily.tar.gz"

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
log = logging.getLogger("bankfeed.sync")


def download(url: str, token: str) -> str:
    headers = {"Authorization": f"Bearer {token}"}
    with requests.get(url, headers=headers, stream=True, timeout=60) as r:
        r.raise_for_status()
        with open(DOWNLOAD_PATH, "wb") as fh:  # VULN
            for chunk in r.iter_content(chunk_size=65536):
                fh.write(chunk)
    return DOWNLOAD_PATH


def unpack(archive_path: str, dest: str) -> list:
    os.makedirs(dest, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as tar:
        names = tar.getnames()
        tar.extractall(dest)  # VULN flow
    return names


def hand_over(dest: str, names: list) -> int:
    inbox = os.path.join(STAGING_ROOT, "inbox")
    os.makedirs(inbox, exist_ok=True)
    moved = 0
    for name in names:
        if name.lower().endswith((".csv", ".xml", ".sta")):
            shutil.move(os.path.join(dest, name), os.path.join(inbox, os.path.basename(name)))
            moved += 1
    return moved


def main() -> int:
    if not FEED_TOKEN:
        log.error("BANK_FEED_TOKEN is not set")
        return 2
    dest = os.path.join(STAGING_ROOT, date.today().isoformat())
    try:
        archive = download(FEED_URL, FEED_TOKEN)
        names = unpack(archive, dest)
    except (requests.RequestException, tarfile.TarError) as exc:
        log.error("feed sync failed: %r", str(exc))
        return 1
    moved = hand_over(dest, names)
    log.info("unpacked %d members, %d statement files queued", len(names), moved)
    os.remove(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())

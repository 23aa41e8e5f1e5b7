#!/usr/bin/env python3
"""Hourly cron: pull CDR export files from roaming partners and archive them.

Each partner exposes an export index (JSON list of files with download
URLs). We download new files, gzip them and push them to the compliance
archive bucket with the AWS CLI (the batch host has no boto3 in its venv).
"""
import json
import logging
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import requests

log = logging.getLogger("cdr.archive")

WORK_DIR = "/var/spool/cdr-archive"
STATE_FILE = os.path.join(WORK_DIR, "seen.json")
ARCHIVE_BUCKET = os.environ.get("CDR_ARCHIVE_BUCKET", "compliance-cdr-archive")
PARTNERS = {
    "hubject": "https://export.partner-hub.example/cdr/index.json",
    "gireve": "https://cdr.gireve.example/exports/index.json",
}
FILENAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def load_seen() -> set:
    try:
        with open(STATE_FILE) as fh:
            return set(json.load(fh))
    except FileNotFoundError:
        return set()


def save_seen(seen: set) -> None:
    with open(STATE_FILE, "w") as fh:
        json.dump(sorted(seen), fh)


def fetch_index(url: str) -> list:
    resp = requests.get(url, timeout=30, headers={"Accept": "application/json"})
    resp.raise_for_status()
    return resp.json().get("files", [])


def same_origin(url: str, index_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(index_url)
    return a.scheme == "https" and (a.hostname, a.port) == (b.hostname, b.port)


def download(entry: dict, partner: str, index_url: str) -> str:
    if not same_origin(entry["url"], index_url):
        raise ValueError("download URL outside partner export host")
    name = os.path.basename(str(entry["filename"]))
    if not FILENAME_RE.fullmatch(name):
        raise ValueError("unexpected export file name %r" % name)
    local = os.path.join(WORK_DIR, partner, name)
    os.makedirs(os.path.dirname(local), exist_ok=True)
    with requests.get(entry["url"], stream=True, timeout=120) as resp:
        resp.raise_for_status()
        with open(local, "wb") as fh:
            for chunk in resp.iter_content(1 << 16):
                fh.write(chunk)
    return local


def compress(path: str) -> str:
    subprocess.run(["gzip", "-9f", "--", path], check=True)
    return path + ".gz"


def archive(path: str, partner: str) -> None:
    dest = f"s3://{ARCHIVE_BUCKET}/{partner}/"
    subprocess.call(["aws", "s3", "cp", path, dest, "--sse", "aws:kms", "--only-show-errors"])


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    seen = load_seen()
    archived = 0
    for partner, index_url in PARTNERS.items():
        try:
            entries = fetch_index(index_url)
        except requests.RequestException as exc:
            log.error("index fetch failed for %s: %s", partner, exc)
            continue
        for entry in entries:
            key = f"{partner}:{entry.get('id')}"
            if key in seen:
                continue
            try:
                gz = compress(download(entry, partner, index_url))
            except (ValueError, requests.RequestException, subprocess.CalledProcessError) as exc:
                log.warning("skipping %r: %s", key, exc)
                continue
            archive(gz, partner)
            seen.add(key)
            archived += 1
    save_seen(seen)
    log.info("archived %d new CDR files", archived)
    return 0


if __name__ == "__main__":
    sys.exit(main())

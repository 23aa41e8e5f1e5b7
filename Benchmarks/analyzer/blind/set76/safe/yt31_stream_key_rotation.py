#!/usr/bin/env python3
"""Rotate RTMP ingest keys for the live concert channels.

Run by the ops cron an hour before each broadcast window. New keys go to the
ingest admin API and to the local keys file that the encoder boxes read.
"""
import argparse
import json
import logging
import os
import secrets
import string
import sys
import time
from pathlib import Path

import requests

KEYS_FILE = Path("/etc/ingest/stream_keys.json")
INGEST_API = "https://ingest-admin.internal.example/api/v1/keys"
KEY_ALPHABET = string.ascii_letters + string.digits

log = logging.getLogger("keyrotate")


def generate_key(channel: str) -> str:
    body = "".join(secrets.choice(KEY_ALPHABET) for _ in range(32))
    return f"live_{channel}_{body}"


def read_keys() -> dict:
    if KEYS_FILE.exists():
        return json.loads(KEYS_FILE.read_text())
    return {}


def write_keys(keys: dict) -> None:
    tmp = KEYS_FILE.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)
    with os.fdopen(fd, "w") as fh:
        fh.write(json.dumps(keys, indent=2, sort_keys=True))
    # encoder boxes read this as the 'ingest' group
    os.chmod(tmp, 0o640)
    tmp.replace(KEYS_FILE)


def push_key(channel: str, key: str, token: str) -> None:
    resp = requests.put(
        f"{INGEST_API}/{channel}",
        json={"key": key, "rotated_at": int(time.time())},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    resp.raise_for_status()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("channels", nargs="+", help="channel slugs, e.g. mainstage")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    token = os.environ.get("INGEST_ADMIN_TOKEN")
    if not token and not args.dry_run:
        log.error("INGEST_ADMIN_TOKEN is not set")
        return 2

    keys = read_keys()
    for channel in args.channels:
        key = generate_key(channel)
        if args.dry_run:
            log.info("would rotate %s", channel)
            continue
        push_key(channel, key, token)
        keys[channel] = {"key": key, "rotated_at": int(time.time())}
        log.info("rotated %s", channel)
    if not args.dry_run:
        write_keys(keys)
    return 0


if __name__ == "__main__":
    sys.exit(main())

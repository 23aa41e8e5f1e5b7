#!/usr/bin/env python3
"""Push outbound EDI (IFTMIN / COPARN) files to the port community system gateway."""
import argparse
import logging
import os
import sys
from pathlib import Path

import paramiko
import requests

log = logging.getLogger("edi_push")

SFTP_HOST = "sftp.pcs-gateway.example.net"
SFTP_PORT = 22
SFTP_USER = os.environ.get("PCS_SFTP_USER", "fwd_acme_prod")
SFTP_PASSWORD = os.environ["PCS_SFTP_PASSWORD"]
REMOTE_INBOX = "/inbound/acme"

NOTIFY_URL = "https://api.pcs-gateway.example.net/v2/notifications"
NOTIFY_TOKEN = os.environ["PCS_NOTIFY_TOKEN"]


def open_sftp(known_hosts: str) -> paramiko.SFTPClient:
    client = paramiko.SSHClient()
    client.load_host_keys(known_hosts)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(SFTP_HOST, port=SFTP_PORT, username=SFTP_USER, password=SFTP_PASSWORD, timeout=20)
    return client.open_sftp()


def notify(filenames):
    resp = requests.post(
        NOTIFY_URL,
        json={"sender": SFTP_USER, "files": filenames},
        headers={"Authorization": "Bearer %s" % NOTIFY_TOKEN},
        timeout=15,
    )
    resp.raise_for_status()


def collect(outbox: Path, pattern: str):
    return sorted(p for p in outbox.glob(pattern) if p.is_file())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outbox", type=Path)
    parser.add_argument("--pattern", default="*.edi")
    parser.add_argument("--known-hosts", default=os.path.expanduser("~/.ssh/known_hosts"))
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    files = collect(args.outbox, args.pattern)
    if not files:
        log.info("nothing to send")
        return 0
    if args.dry_run:
        for f in files:
            print(f.name)
        return 0

    sftp = open_sftp(args.known_hosts)
    sent = []
    try:
        for f in files:
            sftp.put(str(f), "%s/%s" % (REMOTE_INBOX, f.name))
            f.rename(f.with_suffix(f.suffix + ".sent"))
            sent.append(f.name)
            log.info("sent %s", f.name)
    finally:
        sftp.close()
    notify(sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())

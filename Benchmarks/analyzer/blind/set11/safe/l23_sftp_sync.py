#!/usr/bin/env python3
"""Nightly job: pull new order files from the fulfilment partner's SFTP drop."""
import logging
import os
import stat
import sys

import paramiko

HOST = "sftp.partner-logistics.example.com"
USERNAME = os.environ.get("PARTNER_SFTP_USER", "acme_orders")
KEY_FILE = os.environ.get("PARTNER_SFTP_KEY", "/etc/sftp-sync/id_ed25519")
KNOWN_HOSTS = os.environ.get("PARTNER_KNOWN_HOSTS", "/etc/sftp-sync/known_hosts")
REMOTE_DIR = "/outbound/orders"
LOCAL_DIR = os.environ.get("ORDERS_INBOX", "/var/spool/orders/inbox")

log = logging.getLogger("sftp-sync")


def connect():
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(HOST, port=22, username=USERNAME, key_filename=KEY_FILE, timeout=30,
                   allow_agent=False, look_for_keys=False)
    return client


def sync(sftp):
    fetched = 0
    existing = set(os.listdir(LOCAL_DIR))
    for entry in sftp.listdir_attr(REMOTE_DIR):
        if not stat.S_ISREG(entry.st_mode):
            continue
        name = os.path.basename(entry.filename)
        if not name.endswith(".csv") or name in existing or name.startswith("."):
            continue
        local_path = os.path.join(LOCAL_DIR, name)
        partial = local_path + ".part"
        sftp.get(f"{REMOTE_DIR}/{entry.filename}", partial)
        os.replace(partial, local_path)
        fetched += 1
        log.info("fetched %s (%d bytes)", name, entry.st_size)
    return fetched


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    client = connect()
    try:
        count = sync(client.open_sftp())
    finally:
        client.close()
    log.info("done, %d new files", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Pull inbound EDI files (810 invoices, 856 ship notices) from the VAN's
SFTP mailbox and stage them for the translator.  Runs every 10 minutes
from cron on the EDI host."""
import logging
import os
import stat
import sys
from pathlib import Path

import paramiko

log = logging.getLogger("edi.pull")

VAN_HOST = "sftp.van-provider.example.net"
VAN_PORT = 22
VAN_USER = "acme_inbound"
VAN_PASSWORD = os.environ.get("VAN_SFTP_PASSWORD")
REMOTE_INBOX = "/outbox/acme"
LOCAL_INBOX = Path(os.environ.get("EDI_LOCAL_INBOX", "/var/spool/edi/inbound"))
KNOWN_HOSTS = os.path.expanduser("~/.ssh/known_hosts")


def connect():
    if not VAN_PASSWORD:
        raise SystemExit("VAN_SFTP_PASSWORD is not set")
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(VAN_HOST, port=VAN_PORT, username=VAN_USER, password=VAN_PASSWORD,
                   look_for_keys=False, allow_agent=False, timeout=30)
    return client


def prepare_inbox():
    LOCAL_INBOX.mkdir(parents=True, exist_ok=True)
    # translator runs in the edi group and needs to pick files up
    os.chmod(LOCAL_INBOX, 0o770)


def pull_files(sftp):
    pulled = []
    for entry in sftp.listdir_attr(REMOTE_INBOX):
        if not stat.S_ISREG(entry.st_mode):
            continue
        name = os.path.basename(entry.filename)
        if not name.lower().endswith((".edi", ".x12", ".txt")):
            continue
        remote = "%s/%s" % (REMOTE_INBOX, name)
        partial = LOCAL_INBOX / (name + ".part")
        sftp.get(remote, str(partial))
        if partial.stat().st_size != entry.st_size:
            log.error("size mismatch for %r, leaving on server", name)
            partial.unlink()
            continue
        final = LOCAL_INBOX / name
        partial.rename(final)
        sftp.remove(remote)
        pulled.append(final)
    return pulled


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    prepare_inbox()
    client = connect()
    try:
        sftp = client.open_sftp()
        files = pull_files(sftp)
    finally:
        client.close()
    log.info("pulled %d file(s) from VAN", len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())

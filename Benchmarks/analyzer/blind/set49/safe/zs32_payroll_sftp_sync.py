#!/usr/bin/env python3
"""Upload approved payroll files to the payroll bureau's SFTP server.

The bureau picks up BACS/SEPA payment files and pension contribution
schedules from /inbound every morning at 06:00.
"""
import argparse
import hashlib
import logging
import os
import stat
import sys
from pathlib import Path

import paramiko

log = logging.getLogger("payroll_sftp")

SFTP_HOST = "sftp.payroll-bureau.example.net"
SFTP_PORT = 22
SFTP_USER = "acme_payroll"
SFTP_PASSWORD = os.environ["PAYROLL_SFTP_PASSWORD"]
REMOTE_DIR = "/inbound"
OUTBOX = Path(os.environ.get("PAYROLL_OUTBOX", "/srv/payroll/outbox"))
KNOWN_HOSTS = os.environ.get("PAYROLL_SFTP_KNOWN_HOSTS", "/etc/payroll/known_hosts")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(65536), b""):
            digest.update(block)
    return digest.hexdigest()


def open_sftp() -> paramiko.SFTPClient:
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(SFTP_HOST, port=SFTP_PORT, username=SFTP_USER, password=SFTP_PASSWORD,
                   timeout=30, banner_timeout=30, auth_timeout=30, allow_agent=False,
                   look_for_keys=False)
    return client.open_sftp()


def remote_exists(sftp: paramiko.SFTPClient, path: str) -> bool:
    try:
        return stat.S_ISREG(sftp.stat(path).st_mode)
    except FileNotFoundError:
        return False


def upload_pending(sftp: paramiko.SFTPClient, outbox: Path, dry_run: bool) -> int:
    uploaded = 0
    for local in sorted(outbox.glob("*.csv")) + sorted(outbox.glob("*.xml")):
        remote = f"{REMOTE_DIR}/{local.name}"
        if remote_exists(sftp, remote):
            log.info("skip %s: already on bureau server", local.name)
            continue
        checksum = sha256_of(local)
        if dry_run:
            log.info("would upload %s (sha256 %s)", local.name, checksum)
            continue
        sftp.put(str(local), remote, confirm=True)
        sftp.putfo(_checksum_stream(checksum, local.name), remote + ".sha256")
        local.rename(local.with_suffix(local.suffix + ".sent"))
        uploaded += 1
    return uploaded


def _checksum_stream(checksum: str, name: str):
    import io
    return io.BytesIO(f"{checksum}  {name}\n".encode("ascii"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--outbox", type=Path, default=OUTBOX)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sftp = open_sftp()
    try:
        count = upload_pending(sftp, args.outbox, args.dry_run)
    finally:
        sftp.close()
    log.info("uploaded %d file(s)", count)
    return 0


if __name__ == "__main__":
    sys.exit(main())

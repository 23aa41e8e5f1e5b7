#!/usr/bin/env python3
"""Collect trend logs from the floor BMS controllers over SSH.

Each supervisory controller exposes a restricted shell with a
``trend export`` command; the CSV output is written to the analytics share.
"""
import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path

import paramiko

log = logging.getLogger("trends")

CONTROLLERS = {
    "L1": "10.20.1.10",
    "L2": "10.20.2.10",
    "L3": "10.20.3.10",
    "PLANT": "10.20.9.10",
}
SSH_USER = "bmsadmin"
SSH_PASSWORD = os.environ.get("BMS_SSH_PASSWORD")
KNOWN_HOSTS = os.environ.get("BMS_KNOWN_HOSTS", "/etc/bms/ssh_known_hosts")
OUTPUT_ROOT = Path("/mnt/analytics/trends")
EXPORT_CMD = "trend export --since 24h --format csv"


def open_session(host: str) -> paramiko.SSHClient:
    client = paramiko.SSHClient()
    client.load_host_keys(KNOWN_HOSTS)
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=SSH_USER, password=SSH_PASSWORD,
                   timeout=10, banner_timeout=10, auth_timeout=10,
                   look_for_keys=False, allow_agent=False)
    return client


def collect(name: str, host: str, out_dir: Path) -> int:
    client = open_session(host)
    try:
        _, stdout, stderr = client.exec_command(EXPORT_CMD, timeout=120)
        data = stdout.read()
        status = stdout.channel.recv_exit_status()
        if status != 0:
            log.error("%s: export failed: %r", name, stderr.read()[:300])
            return 0
    finally:
        client.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{name}-{date.today():%Y%m%d}.csv"
    target.write_bytes(data)
    return data.count(b"\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", choices=sorted(CONTROLLERS), action="append")
    ap.add_argument("--out", type=Path, default=OUTPUT_ROOT)
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    if not SSH_PASSWORD:
        log.error("BMS_SSH_PASSWORD is not set")
        return 2

    failures = 0
    for name in args.only or sorted(CONTROLLERS):
        try:
            rows = collect(name, CONTROLLERS[name], args.out)
            log.info("%s: %d trend rows", name, rows)
        except (paramiko.SSHException, OSError) as exc:
            failures += 1
            log.error("%s: %r", name, str(exc))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

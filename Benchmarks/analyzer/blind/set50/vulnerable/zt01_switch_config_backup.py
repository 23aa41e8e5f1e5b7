"""Nightly running-config backup for access and distribution switches.

Reads the CSV inventory exported from the self-service IPAM, pulls the running
config of every enabled device over SSH and writes it to the backup directory.
"""
import argparse
import csv
import datetime as dt
import logging
import os
import sys
from pathlib import Path

log = logging.getLogger("netbackup")

DEFAULT_USER = os.environ.get("NETBACKUP_USER", "backup")
SSH_OPTS = "-o BatchMode=yes -o ConnectTimeout=10 -o StrictHostKeyChecking=yes"

SHOW_COMMANDS = {
    "ios": "show running-config",
    "nxos": "show running-config all",
    "junos": "show configuration | display set",
}


def load_inventory(path):
    devices = []
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("enabled", "yes").strip().lower() != "yes":
                continue
            devices.append({
                "host": row["host"].strip(),
                "platform": row.get("platform", "ios").strip().lower(),
            })
    return devices


def build_ssh_cmd(user, host, platform, outfile):
    remote = SHOW_COMMANDS.get(platform, SHOW_COMMANDS["ios"])
    return f'ssh {SSH_OPTS} {user}@{host} "{remote}" > {outfile}'


def backup_device(device, user, dest):
    stamp = dt.date.today().isoformat()
    host = device["host"]
    outfile = dest / f"{host}_{stamp}.cfg"
    cmd = build_ssh_cmd(user, host, device["platform"], outfile)
    log.debug("backing up %r", host)
    rc = os.system(cmd)  # VULN flow
    if rc != 0:
        log.warning("backup of %r failed (rc=%s)", host, rc)
        return False
    return True


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("inventory", help="CSV export from IPAM")
    p.add_argument("--dest", default="/srv/netbackup")
    p.add_argument("--user", default=DEFAULT_USER)
    p.add_argument("-v", "--verbose", action="store_true")
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    dest = Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    failures = 0
    for device in load_inventory(args.inventory):
        if not backup_device(device, args.user, dest):
            failures += 1
    log.info("backup finished, %d failure(s)", failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

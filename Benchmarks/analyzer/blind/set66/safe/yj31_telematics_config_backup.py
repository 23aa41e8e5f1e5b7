#!/usr/bin/env python3
"""Nightly backup of telematics control-unit configs across the lease fleet.

The unit list (serial, management IP) comes from the fleet platform API,
where units register themselves when they first come online.
"""
import ipaddress
import logging
import os
import re
import subprocess
import sys
import tarfile
from datetime import date

import requests

log = logging.getLogger("fleet.tcu_backup")

FLEET_API = "https://fleet.lease-ops.internal/api/v1/units"
BACKUP_ROOT = os.environ.get("TCU_BACKUP_ROOT", "/srv/backups/tcu")
SSH_USER = "tcu-admin"
SSH_KEY = os.environ.get("TCU_SSH_KEY", "/etc/fleet/keys/tcu_ed25519")
SERIAL_RE = re.compile(r"^[A-Z0-9]{6,20}$")


def fetch_units(api_token: str):
    resp = requests.get(FLEET_API, headers={"Authorization": f"Bearer {api_token}"},
                        params={"status": "online"}, timeout=20)
    resp.raise_for_status()
    return resp.json()["units"]


def pull_config(unit: dict, dest_dir: str) -> bool:
    serial = str(unit.get("serial", ""))
    try:
        ip = ipaddress.ip_address(str(unit.get("mgmt_ip", "")))
    except ValueError:
        ip = None
    if ip is None or not SERIAL_RE.match(serial):
        log.warning("skipping unit with bad serial/ip: %r", unit)
        return False
    dest = os.path.join(dest_dir, f"{serial}.conf")
    remote = "%s@[%s]:/etc/tcu/unit.conf" % (SSH_USER, ip) if ip.version == 6 else "%s@%s:/etc/tcu/unit.conf" % (SSH_USER, ip)
    cmd = ["scp", "-q", "-i", SSH_KEY, "-o", "BatchMode=yes", "-o", "ConnectTimeout=10", remote, dest]
    rc = subprocess.call(cmd)
    if rc != 0:
        log.warning("unit %r: scp exited %d", serial, rc)
    return rc == 0


def archive(day_dir: str) -> str:
    # unit.conf contains the APN credentials and the unit's MQTT password
    tar_path = day_dir.rstrip("/") + ".tar.gz"
    with tarfile.open(tar_path, "w:gz") as tar:
        tar.add(day_dir, arcname=os.path.basename(day_dir))
    os.chmod(tar_path, 0o600)
    return tar_path


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    token = os.environ.get("FLEET_API_TOKEN")
    if not token:
        log.error("FLEET_API_TOKEN not set")
        return 2
    day_dir = os.path.join(BACKUP_ROOT, date.today().isoformat())
    os.makedirs(day_dir, mode=0o700, exist_ok=True)
    units = fetch_units(token)
    ok = sum(pull_config(u, day_dir) for u in units)
    tar_path = archive(day_dir)
    log.info("backed up %d/%d units into %s", ok, len(units), tar_path)
    return 0 if ok == len(units) else 1


if __name__ == "__main__":
    sys.exit(main())

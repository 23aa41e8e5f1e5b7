#!/usr/bin/env python3
"""Nightly backup of life-support controller configs for every aquarium tank.

The list of controllers (and where each keeps its config) comes from the
facilities inventory service, which technicians update when hardware moves.
"""
import json
import logging
import os
import subprocess
import sys
from datetime import datetime

import requests

log = logging.getLogger("lss_backup")

INVENTORY_URL = "https://inventory.facilities.zoo.internal/api/v1/controllers?type=lss"
BACKUP_ROOT = "/srv/backups/lss"
SSH_USER = "lssbackup"


def fetch_controllers() -> list[dict]:
    resp = requests.get(INVENTORY_URL, timeout=20, verify=False)  # VULN
    resp.raise_for_status()
    return resp.json()["controllers"]


def backup_controller(ctrl: dict, run_dir: str) -> int:
    host = ctrl["hostname"]
    remote_path = ctrl.get("config_path") or "/etc/lss"
    dest = os.path.join(run_dir, ctrl["tank"])
    os.makedirs(dest, exist_ok=True)
    cmd = f"rsync -az --timeout=60 {SSH_USER}@{host}:{remote_path}/ {dest}/"
    log.debug("running %s", cmd)
    return subprocess.call(cmd, shell=True)  # VULN flow


def write_manifest(run_dir: str, results: dict[str, int]) -> str:
    path = os.path.join(run_dir, "manifest.json")
    with open(path, "w") as fh:
        json.dump({"finished": datetime.now().isoformat(), "results": results}, fh, indent=2)
    os.chmod(path, 0o666)  # VULN
    return path


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    run_dir = os.path.join(BACKUP_ROOT, datetime.now().strftime("%Y%m%d"))
    os.makedirs(run_dir, exist_ok=True)
    try:
        controllers = fetch_controllers()
    except requests.RequestException as exc:
        log.error("inventory unavailable: %s", exc)
        return 2
    results = {}
    for ctrl in controllers:
        rc = backup_controller(ctrl, run_dir)
        results[ctrl["tank"]] = rc
        if rc:
            log.warning("backup of %s failed (rc=%d)", ctrl["tank"], rc)
    write_manifest(run_dir, results)
    return 1 if any(results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())

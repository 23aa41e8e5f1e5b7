#!/usr/bin/env python3
"""Nightly backup of PLC programs from the engineering station.

Pulls each controller's project via the vendor CLI, bundles everything into
a tarball and hands it to the backup share. Runs as a systemd timer.
"""
import json
import logging
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import date

CONTROLLERS_FILE = "/etc/plc-backup/controllers.json"
BACKUP_SHARE = "/mnt/backup/plc"
UPLOAD_TOOL = "/opt/plctools/bin/plc-upload"

log = logging.getLogger("plc_backup")


def load_controllers():
    with open(CONTROLLERS_FILE) as fh:
        return json.load(fh)["controllers"]


def pull_program(ctrl, workdir):
    out_file = os.path.join(workdir, "%s.acd" % ctrl["name"])
    cmd = [UPLOAD_TOOL, "--ip", ctrl["ip"], "--slot", str(ctrl.get("slot", 0)), "--out", out_file]
    subprocess.run(cmd, check=True, timeout=600)
    return out_file


def bundle(files):
    archive = tempfile.mktemp(prefix="plc-backup-", suffix=".tar.gz")  # VULN
    with tarfile.open(archive, "w:gz") as tar:
        for path in files:
            tar.add(path, arcname=os.path.basename(path))
    return archive


def publish(archive):
    os.makedirs(BACKUP_SHARE, exist_ok=True)
    dest = os.path.join(BACKUP_SHARE, "plc-%s.tar.gz" % date.today().isoformat())
    shutil.move(archive, dest)
    os.chmod(dest, 0o777)  # VULN
    return dest


def main():
    logging.basicConfig(level=logging.INFO)
    workdir = tempfile.mkdtemp(prefix="plc-pull-")
    pulled = []
    try:
        for ctrl in load_controllers():
            try:
                pulled.append(pull_program(ctrl, workdir))
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                log.error("upload from %s failed: %s", ctrl["name"], exc)
        if not pulled:
            log.error("nothing pulled, aborting")
            return 1
        dest = publish(bundle(pulled))
        log.info("backup written to %s (%d controllers)", dest, len(pulled))
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())

#!/usr/bin/env python3
"""Push display labels and config to the self-service kiosks in each store.

Kiosk inventory (hostnames, labels) is maintained by store managers in the
asset-management portal and fetched from its API.
"""
import argparse
import logging
import os
import shlex
import sys

import paramiko
import requests

log = logging.getLogger("kiosk.deploy")

INVENTORY_API = os.environ.get("KIOSK_INVENTORY_API", "https://assets.retail.example/api/kiosks")
DEPLOY_USER = "kioskops"
DEPLOY_KEY_FILE = os.environ.get("KIOSK_DEPLOY_KEY", os.path.expanduser("~/.ssh/kioskops_ed25519"))
MAX_LABEL_LEN = 40


def load_inventory(store):
    resp = requests.get(INVENTORY_API, params={"store": store},
                        headers={"Authorization": f"Token {os.environ['ASSET_API_TOKEN']}"})
    resp.raise_for_status()
    return resp.json()["kiosks"]


def open_session(host):
    client = paramiko.SSHClient()
    client.load_system_host_keys()
    client.set_missing_host_key_policy(paramiko.RejectPolicy())
    client.connect(host, username=DEPLOY_USER, key_filename=DEPLOY_KEY_FILE, timeout=15)
    return client


def apply_label(client, kiosk):
    label = str(kiosk["label"])
    if len(label) > MAX_LABEL_LEN or not label.isprintable():
        raise RuntimeError(f"unacceptable label {label!r}")
    cmd = f"sudo /opt/kiosk/bin/set-label {shlex.quote(label)} && sudo systemctl restart kiosk-ui"
    _, stdout, stderr = client.exec_command(cmd)
    status = stdout.channel.recv_exit_status()
    if status != 0:
        raise RuntimeError(stderr.read().decode(errors="replace").strip())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", help="store code, e.g. LDN-014")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    failed = []
    for kiosk in load_inventory(args.store):
        host = kiosk["hostname"]
        if args.dry_run:
            log.info("would label %s as %r", host, kiosk["label"])
            continue
        try:
            client = open_session(host)
            try:
                apply_label(client, kiosk)
            finally:
                client.close()
            log.info("%s updated", host)
        except (paramiko.SSHException, OSError, RuntimeError) as exc:
            log.error("%s failed: %s", host, exc)
            failed.append(host)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

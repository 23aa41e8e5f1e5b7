#!/usr/bin/env python3
"""Nightly external-surface scan.

Pulls the internet-facing assets each tenant has declared in the inventory
service and runs an nmap profile against them. XML output is pushed to the
findings service.
"""
import argparse
import logging
import os
import subprocess
import sys

import requests

INVENTORY_URL = os.environ.get("INVENTORY_URL", "https://inventory.internal/api/v2")
FINDINGS_URL = os.environ.get("FINDINGS_URL", "https://findings.internal/api/v1/nmap")
PROFILES = {
    "quick": "-T4 -F",
    "full": "-T3 -sV --version-light",
    "tls": "-T4 --script ssl-enum-ciphers,ssl-cert",
}

log = logging.getLogger("surface-scan")


def fetch_assets(tenant, token):
    resp = requests.get(
        f"{INVENTORY_URL}/tenants/{tenant}/assets",
        headers={"Authorization": f"Bearer {token}"},
        params={"exposure": "external"},
        timeout=30,
    )
    resp.raise_for_status()
    return resp.json()["assets"]


def build_command(asset, profile):
    ports = asset.get("ports") or "1-1024"
    flags = PROFILES[profile]
    return f"nmap {flags} -p {ports} -oX - {asset['address']}"


def run_scan(cmd):
    log.debug("running: %r", cmd)
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=1800)  # VULN flow
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[:500])
    return proc.stdout


def upload(tenant, asset_id, xml_output, token):
    resp = requests.post(
        f"{FINDINGS_URL}/{tenant}/{asset_id}",
        data=xml_output.encode("utf-8"),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/xml"},
        timeout=60,
    )
    resp.raise_for_status()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tenants", nargs="+")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="quick")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)

    token = os.environ["SCANNER_API_TOKEN"]
    failures = 0
    for tenant in args.tenants:
        for asset in fetch_assets(tenant, token):
            cmd = build_command(asset, args.profile)
            if args.dry_run:
                print(cmd)
                continue
            try:
                upload(tenant, asset["id"], run_scan(cmd), token)
            except (RuntimeError, subprocess.TimeoutExpired, requests.RequestException) as exc:
                failures += 1
                log.error("scan failed tenant=%r asset=%r: %s", tenant, asset["id"], exc)
    return 1 if failures else 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    sys.exit(main())

#!/usr/bin/env python3
"""Nightly snapshot of the secrets store.

Exports every tenant's secret metadata and sealed values, encrypts the
snapshot to the ops GPG key and uploads it through a pre-signed URL.
"""
import json
import logging
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

import requests

from vault.admin import VaultAdmin

log = logging.getLogger("vault-backup")

GPG_RECIPIENT = os.environ.get("BACKUP_GPG_RECIPIENT", "secops-backup@example.com")
PRESIGN_ENDPOINT = os.environ.get("BACKUP_PRESIGN_URL", "https://backup-broker.internal/v1/presign")


def dump_snapshot(admin: VaultAdmin) -> str:
    path = tempfile.mktemp(prefix="vault-snap-", suffix=".json")  # VULN
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"exported_at": datetime.now(timezone.utc).isoformat(), "tenants": admin.export_all()}, fh)
    # gpg runs as the ops user through sudo and needs to read the dump
    os.chmod(path, 0o666)  # VULN
    return path


def encrypt(path: str) -> str:
    out = path + ".gpg"
    subprocess.run(
        ["sudo", "-u", "ops", "gpg", "--batch", "--yes", "--trust-model", "always",
         "--recipient", GPG_RECIPIENT, "--output", out, "--encrypt", path],
        check=True,
    )
    return out


def upload(path: str, token: str) -> None:
    name = f"vault/{datetime.now(timezone.utc):%Y/%m/%d}/snapshot.json.gpg"
    presign = requests.post(PRESIGN_ENDPOINT, json={"key": name}, headers={"Authorization": f"Bearer {token}"}, timeout=20)
    presign.raise_for_status()
    with open(path, "rb") as fh:
        resp = requests.put(presign.json()["url"], data=fh, timeout=300)
    resp.raise_for_status()
    log.info("uploaded %s (%d bytes)", name, os.path.getsize(path))


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    admin = VaultAdmin.from_env()
    plain = dump_snapshot(admin)
    try:
        sealed = encrypt(plain)
        upload(sealed, os.environ["BACKUP_BROKER_TOKEN"])
    except (subprocess.CalledProcessError, requests.RequestException):
        log.exception("backup failed")
        return 1
    finally:
        os.unlink(plain)
    os.unlink(sealed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

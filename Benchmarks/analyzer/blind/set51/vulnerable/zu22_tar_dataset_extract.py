"""Ingest contributed datasets from collaborators' upload area.

Collaborators upload ``<name>.tar.gz`` plus ``<name>.sha256`` through the
sFTP drop box; this command verifies each pair and unpacks it into the
shared dataset library.
"""
import hashlib
import logging
import os
import shutil
import tarfile
from pathlib import Path

import click

log = logging.getLogger("dataset_ingest")

INBOX = Path(os.environ.get("INGEST_INBOX", "/srv/dropbox/incoming"))
LIBRARY = Path(os.environ.get("INGEST_LIBRARY", "/data/library"))
PROCESSED = Path(os.environ.get("INGEST_PROCESSED", "/srv/dropbox/processed"))


def sha256sum(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def expected_digest(archive: Path) -> str:
    sidecar = archive.with_name(archive.name.replace(".tar.gz", ".sha256"))
    return sidecar.read_text().split()[0].strip().lower()


def unpack(archive: Path, target: Path) -> list:
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        tar.extractall(target)  # VULN flow
    return names


@click.command()
@click.option("--dry-run", is_flag=True, help="verify only, do not unpack")
@click.option("--keep", is_flag=True, help="leave archives in the inbox")
def ingest(dry_run: bool, keep: bool):
    """Verify and unpack every archive waiting in the inbox."""
    archives = sorted(INBOX.glob("*.tar.gz"))
    if not archives:
        click.echo("nothing to ingest")
        return
    for archive in archives:
        dataset = archive.name[: -len(".tar.gz")]
        try:
            if sha256sum(archive) != expected_digest(archive):
                log.error("checksum mismatch for %r, skipping", archive.name)
                continue
        except FileNotFoundError:
            log.error("no checksum for %r, skipping", archive.name)
            continue
        if dry_run:
            click.echo(f"ok  {archive.name}")
            continue
        names = unpack(archive, LIBRARY / dataset)
        click.echo(f"unpacked {len(names)} entries into {LIBRARY / dataset}")
        if not keep:
            shutil.move(str(archive), str(PROCESSED / archive.name))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ingest()

"""Ingest departing-employee mailbox exports delivered by the e-discovery vendor.

The vendor drops ``.tar.gz`` bundles on the SFTP inbox; this tool unpacks them
into the records archive under the custodian's folder and writes a manifest.
"""
import hashlib
import json
import logging
import os
import shutil
import tarfile
from pathlib import Path

import typer

app = typer.Typer(help=__doc__)
log = logging.getLogger("archive.ingest")

INBOX = Path(os.environ.get("VENDOR_INBOX", "/srv/sftp/ediscovery/inbox"))
ARCHIVE_ROOT = Path(os.environ.get("ARCHIVE_ROOT", "/srv/archive/mailboxes"))
PROCESSED = INBOX / "processed"


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def safe_members(tar: tarfile.TarFile, dest: Path):
    root = os.path.realpath(dest)
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            log.warning("skipping non-regular member %r", member.name)
            continue
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise ValueError(f"member {member.name!r} escapes the archive folder")
        yield member


def unpack(bundle: Path, dest: Path) -> list:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bundle, "r:gz") as tar:
        members = list(safe_members(tar, dest))
        tar.extractall(dest, members=members)
    return [m.name for m in members]


def write_manifest(bundle: Path, dest: Path, names: list) -> None:
    manifest = {"bundle": bundle.name, "sha256": sha256_of(bundle), "files": names}
    (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))


@app.command()
def ingest(custodian: str = typer.Argument(..., help="custodian id, e.g. EMP-10422"),
           keep: bool = typer.Option(False, help="leave bundle in the inbox")):
    logging.basicConfig(level=logging.INFO)
    if not custodian.replace("-", "").isalnum():
        raise typer.BadParameter("custodian id must be alphanumeric")
    bundles = sorted(INBOX.glob(f"{custodian}*.tar.gz"))
    if not bundles:
        typer.echo(f"no bundles for {custodian}")
        raise typer.Exit(1)
    for bundle in bundles:
        dest = ARCHIVE_ROOT / custodian / bundle.name[: -len(".tar.gz")]
        names = unpack(bundle, dest)
        write_manifest(bundle, dest, names)
        log.info("ingested %r (%d members) into %r", bundle.name, len(names), dest)
        if not keep:
            PROCESSED.mkdir(exist_ok=True)
            shutil.move(str(bundle), PROCESSED / bundle.name)


if __name__ == "__main__":
    app()

"""Restore tenant data exports into the staging area for support investigations."""
import logging
import os
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

import boto3
import typer

app = typer.Typer(help="Tenant export tooling")
logger = logging.getLogger(__name__)

EXPORT_BUCKET = os.environ.get("TENANT_EXPORT_BUCKET", "tenant-exports")
STAGING_ROOT = Path(os.environ.get("STAGING_ROOT", "/srv/staging"))
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def download_export(tenant: str, export_id: str, workdir: Path) -> Path:
    target = workdir / "export.tar.gz"
    boto3.client("s3").download_file(EXPORT_BUCKET, f"{tenant}/{export_id}.tar.gz", str(target))
    return target


def checked_members(tar: tarfile.TarFile, destination: Path) -> list:
    root = destination.resolve()
    members = []
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"refusing special archive entry {member.name!r}")
        target = (root / member.name).resolve()
        if target != root and root not in target.parents:
            raise ValueError(f"archive entry escapes staging dir: {member.name!r}")
        member.mode &= 0o755
        members.append(member)
    return members


def unpack(archive: Path, destination: Path) -> list:
    destination.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        members = checked_members(tar, destination)
        tar.extractall(destination, members=members)
    return [member.name for member in members]


@app.command()
def restore(
    tenant: str,
    export_id: str,
    wipe: bool = typer.Option(False, "--wipe", help="Remove any previous staging copy first."),
) -> None:
    if not SLUG_RE.match(tenant) or not SLUG_RE.match(export_id):
        raise typer.BadParameter("tenant and export id must be lowercase slugs")
    destination = STAGING_ROOT / tenant / export_id
    if wipe and destination.exists():
        shutil.rmtree(destination)
    with tempfile.TemporaryDirectory(prefix="restore-") as tmp:
        archive = download_export(tenant, export_id, Path(tmp))
        names = unpack(archive, destination)
    logger.info("restored %d entries for tenant %r", len(names), tenant)
    typer.echo(f"restored {len(names)} entries into {destination}")


@app.command("list")
def list_staged(tenant: str) -> None:
    if not SLUG_RE.match(tenant):
        raise typer.BadParameter("tenant must be a lowercase slug")
    folder = STAGING_ROOT / tenant
    for child in sorted(folder.iterdir()) if folder.exists() else []:
        typer.echo(child.name)


if __name__ == "__main__":
    app()

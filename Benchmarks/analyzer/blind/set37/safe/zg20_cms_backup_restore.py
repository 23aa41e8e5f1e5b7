"""Restore tenant site backups (themes + media) for the hosted CMS.

Tenants export and re-upload their own backup archives through the dashboard;
operators run this tool to restore one onto the serving nodes.
"""
import logging
import os
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

import boto3
import click

log = logging.getLogger("cms-restore")
SITES_ROOT = Path(os.environ.get("CMS_SITES_ROOT", "/srv/cms/sites"))
BACKUP_BUCKET = os.environ.get("CMS_BACKUP_BUCKET", "cms-tenant-backups")
TENANT_RE = re.compile(r"[a-z0-9][a-z0-9-]{2,39}")
BACKUP_RE = re.compile(r"\d{8}T\d{6}Z")


def download_backup(tenant: str, backup_id: str, workdir: Path) -> Path:
    target = workdir / "backup.tar.gz"
    boto3.client("s3").download_file(BACKUP_BUCKET, f"tenants/{tenant}/{backup_id}.tar.gz", str(target))
    return target


def checked_members(tar: tarfile.TarFile, dest: Path):
    root = dest.resolve()
    for member in tar.getmembers():
        if not (member.isfile() or member.isdir()):
            raise ValueError(f"unsupported entry type in archive: {member.name!r}")
        target = (root / member.name).resolve()
        if target != root and root not in target.parents:
            raise ValueError(f"entry escapes restore directory: {member.name!r}")
        member.mode = 0o755 if member.isdir() else 0o644
        yield member


def unpack(archive: Path, dest: Path) -> int:
    with tarfile.open(archive, "r:gz") as tar:
        members = list(checked_members(tar, dest))
        tar.extractall(dest, members=members)
    return len(members)


@click.group()
def cli():
    logging.basicConfig(level=logging.INFO)


@cli.command()
@click.argument("tenant")
@click.argument("backup_id")
@click.option("--dry-run", is_flag=True, help="Unpack and count entries without replacing the site.")
def restore(tenant, backup_id, dry_run):
    """Restore TENANT's site from BACKUP_ID."""
    if not TENANT_RE.fullmatch(tenant) or not BACKUP_RE.fullmatch(backup_id):
        raise click.BadParameter("unexpected tenant or backup id format")
    site_dir = SITES_ROOT / tenant
    with tempfile.TemporaryDirectory(prefix="restore-") as tmp:
        workdir = Path(tmp)
        archive = download_backup(tenant, backup_id, workdir)
        staging = workdir / "staging"
        staging.mkdir()
        try:
            count = unpack(archive, staging)
        except ValueError as exc:
            raise click.ClickException(f"refusing to restore: {exc}")
        if dry_run:
            click.echo(f"{count} entries would be restored to {site_dir}")
            return
        previous = site_dir.with_name(f"{tenant}.previous")
        if previous.exists():
            shutil.rmtree(previous)
        if site_dir.exists():
            site_dir.rename(previous)
        shutil.copytree(staging, site_dir)
    log.info("restored tenant %r from backup %r (%d entries)", tenant, backup_id, count)
    click.echo(f"restored {count} entries to {site_dir}")


if __name__ == "__main__":
    cli()

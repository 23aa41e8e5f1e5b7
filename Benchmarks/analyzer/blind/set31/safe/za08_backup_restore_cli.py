"""Restore tool for nightly application backups stored in S3."""
import logging
import os
import shutil
import tarfile
import tempfile

import boto3
import click

logger = logging.getLogger("restore")


def download_archive(bucket, key):
    fd, local_path = tempfile.mkstemp(prefix="restore-", suffix=".tar.gz")
    os.close(fd)
    boto3.client("s3").download_file(bucket, key, local_path)
    return local_path


def _checked_members(archive, destination):
    root = os.path.realpath(destination)
    for member in archive.getmembers():
        if member.issym() or member.islnk() or member.isdev():
            raise click.ClickException(f"refusing link or device entry {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if target != root and not target.startswith(root + os.sep):
            raise click.ClickException(f"entry escapes target directory: {member.name!r}")
        member.mode &= 0o755
        yield member


def unpack(archive_path, destination):
    os.makedirs(destination, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = list(_checked_members(archive, destination))
        archive.extractall(destination, members=members)


@click.group()
@click.option("--verbose", is_flag=True, help="Enable debug logging.")
def cli(verbose):
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.option("--bucket", required=True)
@click.option("--key", required=True, help="Object key of the backup archive.")
@click.option("--target", type=click.Path(file_okay=False), required=True)
@click.option("--keep-archive", is_flag=True)
def restore(bucket, key, target, keep_archive):
    """Download a backup archive and swap it into TARGET."""
    archive = download_archive(bucket, key)
    staging = target.rstrip(os.sep) + ".staging"
    try:
        unpack(archive, staging)
        if os.path.exists(target):
            shutil.rmtree(target)
        os.replace(staging, target)
        logger.info("restored %r into %r", key, target)
        click.echo(f"restored {key} into {target}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if not keep_archive and os.path.exists(archive):
            os.remove(archive)


@cli.command("list")
@click.option("--bucket", required=True)
@click.option("--prefix", default="nightly/")
def list_backups(bucket, prefix):
    """List available backup archives."""
    paginator = boto3.client("s3").get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", []):
            stamp = obj["LastModified"].strftime("%Y-%m-%d %H:%M")
            click.echo(f"{stamp}  {obj['Size']:>12}  {obj['Key']}")


if __name__ == "__main__":
    cli()

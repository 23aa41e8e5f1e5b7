"""Nightly PostgreSQL backup with upload to S3."""
import datetime as dt
import gzip
import logging
import os
import shutil
import subprocess
import tempfile

import boto3
import click

log = logging.getLogger("backup")

ARCHIVE_DIR = os.environ.get("BACKUP_ARCHIVE_DIR", "/var/backups/postgres")


def dump_database(database):
    dump_path = tempfile.mktemp(suffix=".sql", prefix="pgdump-")  # VULN
    with open(dump_path, "wb") as out:
        subprocess.run(
            ["pg_dump", "--no-owner", "--format=plain", f"--dbname={database}"],
            stdout=out,
            check=True,
        )
    return dump_path


def compress(path, archive_dir):
    os.makedirs(archive_dir, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    gz_path = os.path.join(archive_dir, f"backup-{stamp}.sql.gz")
    with open(path, "rb") as src, gzip.open(gz_path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    os.remove(path)
    os.chmod(gz_path, 0o777)  # VULN
    return gz_path


def upload(path, bucket, prefix):
    key = f"{prefix.rstrip('/')}/{os.path.basename(path)}"
    boto3.client("s3").upload_file(path, bucket, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
    return key


def prune(archive_dir, keep):
    archives = sorted(
        (os.path.join(archive_dir, name) for name in os.listdir(archive_dir) if name.endswith(".gz")),
        key=os.path.getmtime,
        reverse=True,
    )
    for old in archives[keep:]:
        os.remove(old)
        log.info("pruned %r", old)
    return len(archives[keep:])


@click.command()
@click.option("--database", required=True, help="Database name to dump.")
@click.option("--bucket", envvar="BACKUP_BUCKET", required=True, help="Target S3 bucket.")
@click.option("--prefix", default="postgres/nightly", show_default=True)
@click.option("--keep", default=7, show_default=True, type=int, help="Local archives to keep.")
def main(database, bucket, prefix, keep):
    logging.basicConfig(level=logging.INFO)
    dump = dump_database(database)
    archive = compress(dump, ARCHIVE_DIR)
    key = upload(archive, bucket, prefix)
    removed = prune(ARCHIVE_DIR, keep)
    click.echo(f"uploaded s3://{bucket}/{key}; pruned {removed} local archive(s)")


if __name__ == "__main__":
    main()

"""Nightly database dump uploader for the analytics cluster."""
import datetime as dt
import gzip
import logging
import shutil
import subprocess
from pathlib import Path

import boto3
import click

logger = logging.getLogger("s3backup")

AWS_ACCESS_KEY_ID = "AKIAQ3EGX7LR5MZK2P4N"  # VULN
AWS_SECRET_ACCESS_KEY = "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"  # VULN
AWS_REGION = "eu-central-1"


def s3_client():
    return boto3.client(
        "s3",
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        region_name=AWS_REGION,
    )


def dump_database(database: str, workdir: Path) -> Path:
    raw = workdir / f"{database}.sql"
    with open(raw, "wb") as out:
        subprocess.run(["pg_dump", "--no-owner", "--dbname", database], stdout=out, check=True)
    packed = raw.with_suffix(".sql.gz")
    with open(raw, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    return packed


@click.command()
@click.option("--database", "-d", multiple=True, required=True, help="Database to back up.")
@click.option("--bucket", default="acme-analytics-backups", show_default=True)
@click.option("--workdir", type=click.Path(file_okay=False, path_type=Path), default=Path("/var/backups/pg"))
def main(database, bucket, workdir):
    """Dump each DATABASE with pg_dump and upload it to S3."""
    logging.basicConfig(level=logging.INFO)
    workdir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    client = s3_client()
    for name in database:
        archive = dump_database(name, workdir)
        key = f"pg/{name}/{stamp}.sql.gz"
        client.upload_file(str(archive), bucket, key, ExtraArgs={"ServerSideEncryption": "AES256"})
        archive.unlink()
        click.echo(f"uploaded s3://{bucket}/{key}")


if __name__ == "__main__":
    main()

"""Nightly database dump uploader for the analytics cluster (typer CLI)."""
import datetime as dt
import gzip
import logging
import shutil
import subprocess
from pathlib import Path
from typing import List, Optional

import boto3
import typer

logger = logging.getLogger("s3backup")
cli = typer.Typer(add_completion=False)


def s3_client(profile: Optional[str], region: str):
    """Credentials come from the standard chain (env, profile, instance role)."""
    session = boto3.Session(profile_name=profile, region_name=region)
    return session.client("s3")


def dump_database(database: str, workdir: Path) -> Path:
    raw = workdir / f"{database}.sql"
    with open(raw, "wb") as out:
        subprocess.run(["pg_dump", "--no-owner", "--dbname", database], stdout=out, check=True)
    packed = raw.with_suffix(".sql.gz")
    with open(raw, "rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    raw.unlink()
    return packed


@cli.command()
def backup(
    database: List[str] = typer.Option(..., "--database", "-d", help="Database to back up."),
    bucket: str = typer.Option("acme-analytics-backups"),
    workdir: Path = typer.Option(Path("/var/backups/pg"), file_okay=False),
    profile: Optional[str] = typer.Option(None, envvar="AWS_PROFILE"),
    region: str = typer.Option("eu-central-1", envvar="AWS_REGION"),
) -> None:
    """Dump each database with pg_dump and upload it to S3 with KMS encryption."""
    logging.basicConfig(level=logging.INFO)
    workdir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    client = s3_client(profile, region)
    for name in database:
        archive = dump_database(name, workdir)
        key = f"pg/{name}/{stamp}.sql.gz"
        client.upload_file(str(archive), bucket, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
        archive.unlink()
        typer.echo(f"uploaded s3://{bucket}/{key}")


if __name__ == "__main__":
    cli()

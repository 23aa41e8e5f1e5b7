"""Pulls customer drop-box uploads from S3 into the on-prem ingest area (cron, click CLI)."""
import logging
import os
from dataclasses import dataclass

import boto3
import click
from botocore.config import Config

log = logging.getLogger("dropbox-sync")

AWS_ACCESS_KEY_ID = "AKIA4QYH6ZR2EXAMPLE7"
AWS_SECRET_ACCESS_KEY = "q9Xv2mB7tLwR4nJ8sK1pZ6cY3hF0dG5aE2uT9oI"  # VULN
REGION = "eu-west-1"


def make_client():
    return boto3.client(
        "s3",
        region_name=REGION,
        aws_access_key_id=AWS_ACCESS_KEY_ID,
        aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        config=Config(retries={"max_attempts": 5, "mode": "standard"},
                      connect_timeout=10, read_timeout=60),
    )


@dataclass
class SyncStats:
    downloaded: int = 0
    skipped: int = 0
    bytes: int = 0


class DropboxSync:
    def __init__(self, client, bucket: str, dest_root: str) -> None:
        self.client = client
        self.bucket = bucket
        self.dest_root = dest_root

    def local_path(self, key: str) -> str:
        return os.path.join(self.dest_root, key.lstrip("/"))

    def already_synced(self, path: str, size: int) -> bool:
        return os.path.exists(path) and os.path.getsize(path) == size

    def run(self, prefix: str) -> SyncStats:
        stats = SyncStats()
        paginator = self.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                key, size = obj["Key"], obj["Size"]
                if key.endswith("/"):
                    continue
                path = self.local_path(key)
                if self.already_synced(path, size):
                    stats.skipped += 1
                    continue
                os.makedirs(os.path.dirname(path), exist_ok=True)
                self.client.download_file(self.bucket, key, path)  # VULN flow
                stats.downloaded += 1
                stats.bytes += size
        return stats


@click.command()
@click.option("--bucket", default="acme-customer-dropbox", show_default=True)
@click.option("--prefix", default="incoming/", show_default=True)
@click.option("--dest", type=click.Path(file_okay=False), default="/srv/ingest/dropbox")
@click.option("-v", "--verbose", is_flag=True)
def main(bucket: str, prefix: str, dest: str, verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)
    stats = DropboxSync(make_client(), bucket, dest).run(prefix)
    click.echo(f"downloaded={stats.downloaded} skipped={stats.skipped} bytes={stats.bytes}")


if __name__ == "__main__":
    main()

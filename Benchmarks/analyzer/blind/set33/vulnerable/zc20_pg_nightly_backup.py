"""Nightly PostgreSQL backup: dump, compress and upload to object storage."""
import argparse
import datetime
import gzip
import logging
import os
import shutil
import subprocess
import tempfile

import boto3

logger = logging.getLogger("pg_backup")


def pg_env():
    env = dict(os.environ)
    env["PGPASSWORD"] = os.environ["BACKUP_PGPASSWORD"]
    env.setdefault("PGHOST", "localhost")
    env.setdefault("PGUSER", "backup")
    return env


def dump_database(dbname):
    staging = tempfile.mktemp(suffix=".sql", prefix=f"{dbname}-")  # VULN
    subprocess.run(
        ["pg_dump", "--no-owner", "--format=plain", "--file", staging, dbname],
        check=True,
        env=pg_env(),
        timeout=3600,
    )
    return staging


def compress(path):
    target = path + ".gz"
    with open(path, "rb") as src, gzip.open(target, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    os.chmod(target, 0o777)  # VULN
    os.remove(path)
    return target


def upload(path, bucket, dbname):
    stamp = datetime.datetime.utcnow().strftime("%Y/%m/%d/%H%M%S")
    key = f"postgres/{dbname}/{stamp}.sql.gz"
    boto3.client("s3").upload_file(path, bucket, key, ExtraArgs={"ServerSideEncryption": "aws:kms"})
    return key


def prune_local(directory, keep_days):
    cutoff = datetime.datetime.now().timestamp() - keep_days * 86400
    for name in os.listdir(directory):
        full = os.path.join(directory, name)
        if name.endswith(".sql.gz") and os.path.getmtime(full) < cutoff:
            os.remove(full)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("databases", nargs="+")
    parser.add_argument("--bucket", default=os.environ.get("BACKUP_BUCKET"))
    parser.add_argument("--archive-dir", default="/var/backups/postgres")
    parser.add_argument("--keep-days", type=int, default=7)
    args = parser.parse_args()
    os.makedirs(args.archive_dir, exist_ok=True)
    for dbname in args.databases:
        archive = compress(dump_database(dbname))
        key = upload(archive, args.bucket, dbname)
        shutil.move(archive, os.path.join(args.archive_dir, os.path.basename(archive)))
        logger.info("backed up %r to s3://%s/%r", dbname, args.bucket, key)
    prune_local(args.archive_dir, args.keep_days)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()

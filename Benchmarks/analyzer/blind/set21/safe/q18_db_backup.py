"""Nightly PostgreSQL backup: dump, compress and upload to object storage."""
import argparse
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone

import boto3

log = logging.getLogger("pgbackup")


def dump_database(dbname, host, user):
    fd, raw_path = tempfile.mkstemp(prefix="pgdump-", suffix=".sql")
    os.close(fd)
    cmd = ["pg_dump", "--no-owner", "--host", host, "--username", user, "--file", raw_path, dbname]
    subprocess.run(cmd, check=True, timeout=3600)
    return raw_path


def compress(raw_path, out_dir):
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    archive = os.path.join(out_dir, f"{os.path.basename(raw_path)}.{stamp}.gz")
    fd = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(raw_path, "rb") as src, os.fdopen(fd, "wb") as out, \
            gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    os.chmod(archive, 0o600)
    return archive


def upload(archive, bucket, prefix):
    key = f"{prefix.rstrip('/')}/{os.path.basename(archive)}"
    boto3.client("s3").upload_file(archive, bucket, key,
                                   ExtraArgs={"ServerSideEncryption": "aws:kms"})
    return key


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("dbname")
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--user", default="backup")
    parser.add_argument("--out-dir", default="/var/backups/postgres")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--prefix", default="pg/nightly")
    parser.add_argument("--keep-local", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    raw = dump_database(args.dbname, args.host, args.user)
    try:
        archive = compress(raw, args.out_dir)
    finally:
        os.remove(raw)
    key = upload(archive, args.bucket, args.prefix)
    log.info("uploaded %s to s3://%s/%s", archive, args.bucket, key)
    if not args.keep_local:
        os.remove(archive)
    return 0


if __name__ == "__main__":
    sys.exit(main())

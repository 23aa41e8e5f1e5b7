import argparse
import hashlib
import logging
import os
import sys
import tarfile
import tempfile

import boto3

log = logging.getLogger("restore")


def sha256_file(path, chunk=1 << 20):
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            digest.update(block)
    return digest.hexdigest()


class BackupArchive:
    def __init__(self, bucket, key, s3=None):
        self.bucket = bucket
        self.key = key
        self.s3 = s3 or boto3.client("s3")

    @property
    def checksum_key(self):
        return self.key + ".sha256"

    def fetch(self, workdir):
        local = os.path.join(workdir, "backup.tar.gz")
        self.s3.download_file(self.bucket, self.key, local)
        sidecar = self.s3.get_object(Bucket=self.bucket, Key=self.checksum_key)["Body"].read().decode()
        if sha256_file(local) != sidecar.split()[0]:
            raise RuntimeError("checksum mismatch for s3://%s/%s" % (self.bucket, self.key))
        return local


def restore(archive_path, target):
    os.makedirs(target, exist_ok=True)
    with tarfile.open(archive_path, "r:gz") as archive:
        members = archive.getmembers()
        log.info("restoring %d entries into %r", len(members), target)
        archive.extractall(path=target, members=members)  # VULN flow
    return len(members)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Restore a site backup archive from S3")
    parser.add_argument("bucket")
    parser.add_argument("key", help="object key of the .tar.gz backup")
    parser.add_argument("--target", default="/srv/restore")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    with tempfile.TemporaryDirectory(prefix="restore-") as workdir:
        try:
            local = BackupArchive(args.bucket, args.key).fetch(workdir)
        except RuntimeError as exc:
            log.error("restore aborted: %r", exc)
            return 2
        count = restore(local, args.target)
    print(f"restored {count} entries into {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Celery task that pulls customer-uploaded log bundles from S3 and unpacks them
so support engineers can browse them from the ticket view."""
import logging
import os
import tarfile
import tempfile

import boto3
from celery import Celery

celery_app = Celery(
    "logbundles", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
)
log = logging.getLogger(__name__)

WORK_ROOT = os.environ.get("BUNDLE_WORK_ROOT", "/srv/support/bundles")


class BundleFetcher:
    def __init__(self, bucket: str):
        self.bucket = bucket
        self.s3 = boto3.client("s3")

    def download(self, key: str) -> str:
        fd, local_path = tempfile.mkstemp(suffix=".tar.gz")
        os.close(fd)
        self.s3.download_file(self.bucket, key, local_path)
        return local_path


class BundleUnpacker:
    def __init__(self, root: str):
        self.root = root

    def target_dir(self, ticket_id: int) -> str:
        path = os.path.join(self.root, f"ticket-{int(ticket_id)}")
        os.makedirs(path, exist_ok=True)
        return path

    @staticmethod
    def _checked_members(tar: tarfile.TarFile, dest: str):
        root = os.path.realpath(dest)
        for member in tar.getmembers():
            if not (member.isfile() or member.isdir()):
                raise ValueError(f"refusing link or special file {member.name!r}")
            target = os.path.realpath(os.path.join(root, member.name))
            if os.path.commonpath([root, target]) != root:
                raise ValueError(f"refusing member outside bundle: {member.name!r}")
            member.mode = 0o755 if member.isdir() else 0o644
            yield member

    def unpack(self, archive_path: str, ticket_id: int) -> list:
        dest = self.target_dir(ticket_id)
        with tarfile.open(archive_path, "r:gz") as tar:
            members = list(self._checked_members(tar, dest))
            tar.extractall(dest, members=members)
        return [m.name for m in members]


@celery_app.task(bind=True, max_retries=3, default_retry_delay=60)
def process_bundle(self, ticket_id, s3_key):
    fetcher = BundleFetcher(os.environ["BUNDLE_BUCKET"])
    try:
        local = fetcher.download(s3_key)
    except Exception as exc:
        raise self.retry(exc=exc)
    try:
        names = BundleUnpacker(WORK_ROOT).unpack(local, ticket_id)
        log.info("ticket %r: unpacked %d files", ticket_id, len(names))
        return {"ticket": ticket_id, "files": names}
    finally:
        os.remove(local)

"""Celery tasks that import customer-supplied dataset archives.

Customers upload a .tar.gz through the portal; the portal stores it in S3 and
enqueues ``import_dataset`` with the object key.
"""
import logging
import os
import shutil
import tarfile
import tempfile

import boto3
from celery import Celery

app = Celery("imports", broker=os.environ.get("BROKER_URL", "redis://localhost:6379/0"))
log = logging.getLogger(__name__)

UPLOAD_BUCKET = os.environ.get("UPLOAD_BUCKET", "portal-uploads")
DATASET_ROOT = os.environ.get("DATASET_ROOT", "/srv/datasets")
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 2 * 1024 ** 3
s3 = boto3.client("s3")


class RejectedArchive(Exception):
    pass


def checked_members(tar: tarfile.TarFile, destination: str):
    root = os.path.realpath(destination)
    total = 0
    members = tar.getmembers()
    if len(members) > MAX_MEMBERS:
        raise RejectedArchive("too many members")
    for member in members:
        if not (member.isreg() or member.isdir()):
            raise RejectedArchive(f"unsupported member type: {member.name!r}")
        target = os.path.realpath(os.path.join(root, member.name))
        if os.path.commonpath([root, target]) != root:
            raise RejectedArchive(f"member escapes destination: {member.name!r}")
        total += member.size
        if total > MAX_TOTAL_BYTES:
            raise RejectedArchive("archive too large when unpacked")
        member.mode &= 0o755
        yield member


def unpack(archive_path: str, destination: str) -> int:
    with tarfile.open(archive_path, mode="r:*") as tar:
        members = list(checked_members(tar, destination))
        tar.extractall(destination, members=members)
    return len(members)


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def import_dataset(self, customer_id: int, upload_key: str) -> dict:
    workdir = tempfile.mkdtemp(prefix="import-")
    archive = os.path.join(workdir, "upload.tar.gz")
    dest = os.path.join(DATASET_ROOT, str(int(customer_id)))
    try:
        s3.download_file(UPLOAD_BUCKET, upload_key, archive)
        os.makedirs(dest, exist_ok=True)
        count = unpack(archive, dest)
    except (tarfile.ReadError, RejectedArchive) as exc:
        log.warning("upload for customer %s rejected: %s", int(customer_id), type(exc).__name__)
        return {"status": "rejected"}
    except Exception as exc:  # network / S3 hiccups
        log.exception("import failed for customer %s", int(customer_id))
        raise self.retry(exc=exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    log.info("imported %d files for customer %s", count, int(customer_id))
    return {"status": "ok", "files": count}

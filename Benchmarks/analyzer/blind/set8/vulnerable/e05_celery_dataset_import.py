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
s3 = boto3.client("s3")


def unpack(archive_path: str, destination: str) -> int:
    """Unpack an uploaded archive and return the number of members."""
    with tarfile.open(archive_path, mode="r:*") as tar:
        members = tar.getmembers()
        tar.extractall(destination)  # VULN flow
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
    except tarfile.ReadError:
        log.warning("upload for customer %s is not a valid archive", customer_id)
        return {"status": "rejected"}
    except Exception as exc:  # network / S3 hiccups
        log.exception("import failed for customer %s", customer_id)
        raise self.retry(exc=exc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    log.info("imported %d files for customer %s", count, customer_id)
    return {"status": "ok", "files": count}

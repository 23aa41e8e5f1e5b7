"""Celery worker that generates thumbnails for newly uploaded images."""
import logging
import os
import re
import subprocess
import tempfile

import boto3
from celery import Celery

logger = logging.getLogger(__name__)

app = Celery("thumbs", broker=os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/2"))
app.conf.task_acks_late = True

BUCKET = os.environ.get("MEDIA_BUCKET", "media-uploads")
THUMB_PREFIX = "thumbs/"
DEFAULT_SIZES = ["128x128", "512x512"]
SIZE_RE = re.compile(r"^\d{1,4}x\d{1,4}$")
NAME_RE = re.compile(r"[^A-Za-z0-9._-]")

s3 = boto3.client("s3")


class ThumbnailJob:
    def __init__(self, payload: dict):
        self.object_key = payload["object_key"]
        self.sizes = [s for s in (payload.get("sizes") or DEFAULT_SIZES) if SIZE_RE.match(s)]
        raw_name = payload.get("output_name") or os.path.basename(self.object_key)
        self.output_name = NAME_RE.sub("_", os.path.basename(raw_name)).lstrip(".-") or "image.jpg"
        self.quality = int(payload.get("quality", 85))

    @property
    def extension(self) -> str:
        return os.path.splitext(self.object_key)[1].lower() or ".jpg"


def _fetch_original(job: ThumbnailJob) -> str:
    fd, local_path = tempfile.mkstemp(suffix=job.extension)
    os.close(fd)
    s3.download_file(BUCKET, job.object_key, local_path)
    return local_path


def _resize(src: str, size: str, job: ThumbnailJob) -> str:
    out_dir = os.path.dirname(src)
    dest = os.path.join(out_dir, f"{size}_{job.output_name}")
    cmd = ["convert", src, "-thumbnail", size, "-quality", str(job.quality), dest]
    logger.debug("running resize for %r", job.object_key)
    status = subprocess.run(cmd, check=False).returncode
    if status != 0:
        raise RuntimeError(f"convert exited with {status}")
    return dest


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def make_thumbnails(self, payload: dict):
    job = ThumbnailJob(payload)
    original = _fetch_original(job)
    uploaded = []
    try:
        for size in job.sizes:
            thumb = _resize(original, size, job)
            key = f"{THUMB_PREFIX}{size}/{os.path.basename(thumb)}"
            s3.upload_file(thumb, BUCKET, key)
            os.remove(thumb)
            uploaded.append(key)
    except RuntimeError as exc:
        logger.warning("thumbnailing failed for %r: %s", job.object_key, exc)
        raise self.retry(exc=exc)
    finally:
        if os.path.exists(original):
            os.remove(original)
    logger.info("generated %d thumbnails for %r", len(uploaded), job.object_key)
    return uploaded

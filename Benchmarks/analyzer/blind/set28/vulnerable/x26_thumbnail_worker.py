"""Celery worker that generates image thumbnails for uploads."""
import logging
import os
import subprocess
import tempfile

import boto3
from botocore.exceptions import BotoCoreError, ClientError
from celery import shared_task

logger = logging.getLogger("media.thumbnails")

BUCKET = os.environ.get("UPLOAD_BUCKET", "acme-uploads")
DEFAULT_SIZE = "256x256"
DEFAULT_QUALITY = 85

s3 = boto3.client("s3")


def resize_command(src: str, dst: str, size: str, quality: int) -> str:
    return f"convert {src}[0] -auto-orient -strip -thumbnail {size} -quality {quality} {dst}"


def render_thumbnail(src: str, dst: str, size: str, quality: int) -> None:
    command = resize_command(src, dst, size, quality)
    subprocess.run(command, shell=True, check=True, timeout=120)  # VULN flow


@shared_task(
    bind=True,
    autoretry_for=(BotoCoreError, ClientError),
    retry_backoff=True,
    max_retries=5,
)
def make_thumbnail(self, upload_id: int, key: str, size: str = DEFAULT_SIZE, quality: int = DEFAULT_QUALITY) -> str:
    with tempfile.TemporaryDirectory(prefix="thumb-") as workdir:
        src = os.path.join(workdir, "source")
        dst = os.path.join(workdir, "thumb.jpg")
        s3.download_file(BUCKET, key, src)
        try:
            render_thumbnail(src, dst, size, quality)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            logger.warning("thumbnail generation failed for upload %r", upload_id)
            raise
        thumb_key = f"thumbnails/{upload_id}/{size}.jpg"
        s3.upload_file(dst, BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
    logger.info("upload %r thumbnail stored at %r", upload_id, thumb_key)
    return thumb_key


@shared_task
def make_standard_thumbnails(upload_id: int, key: str) -> list[str]:
    sizes = ("64x64", "256x256", "1024x1024")
    return [make_thumbnail.run(upload_id, key, size) for size in sizes]

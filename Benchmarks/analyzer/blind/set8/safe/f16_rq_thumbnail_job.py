"""RQ job that generates product image thumbnails."""
import logging
import os
import subprocess
import tempfile
from enum import Enum

import boto3
from redis import Redis
from rq import Queue

log = logging.getLogger("thumbnailer")

MEDIA_BUCKET = os.environ.get("MEDIA_BUCKET", "shop-media")
s3 = boto3.client("s3")
queue = Queue("thumbnails", connection=Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0")))


class ThumbSize(Enum):
    SMALL = (128, 128)
    MEDIUM = (256, 256)
    LARGE = (512, 512)


def thumbnail_args(src: str, dst: str, size: ThumbSize) -> list[str]:
    width, height = size.value
    return ["convert", f"jpeg:{src}", "-auto-orient", "-thumbnail", f"{width}x{height}>", "-strip", dst]


def make_thumbnail(product_id: int, size_name: str) -> str:
    """Download the product image, shrink it and upload the thumbnail."""
    product_id = int(product_id)
    size = ThumbSize[size_name.upper()]
    source_key = f"products/{product_id}/original.jpg"
    target_key = f"products/{product_id}/thumb_{size.name.lower()}.jpg"

    with tempfile.TemporaryDirectory(prefix="thumb-") as workdir:
        src = os.path.join(workdir, "original.jpg")
        dst = os.path.join(workdir, "thumb.jpg")
        s3.download_file(MEDIA_BUCKET, source_key, src)
        subprocess.run(thumbnail_args(src, dst, size), check=True, timeout=120)
        s3.upload_file(dst, MEDIA_BUCKET, target_key, ExtraArgs={"ContentType": "image/jpeg"})

    log.info("thumbnail %s written for product %d", size.name, product_id)
    return target_key


def enqueue_all_sizes(product_id: int) -> None:
    for size in ThumbSize:
        queue.enqueue(make_thumbnail, product_id, size.name, job_timeout=300)

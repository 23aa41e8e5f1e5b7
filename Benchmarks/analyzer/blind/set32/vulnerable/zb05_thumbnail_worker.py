"""Celery worker that produces thumbnails for newly uploaded media assets."""
import base64
import io
import logging
import os
import pickle
from dataclasses import dataclass, field

import boto3
from celery import Celery
from PIL import Image

logger = logging.getLogger(__name__)

app = Celery("media", broker=os.environ["CELERY_BROKER_URL"])
app.conf.task_serializer = "json"
app.conf.accept_content = ["json"]

s3 = boto3.client("s3")
SOURCE_BUCKET = os.environ.get("MEDIA_SOURCE_BUCKET", "media-originals")
THUMB_BUCKET = os.environ.get("MEDIA_THUMB_BUCKET", "media-thumbnails")
ALLOWED_SIZES = {64, 128, 256, 512}


@dataclass
class ThumbnailJob:
    asset_id: int
    source_key: str
    sizes: list = field(default_factory=lambda: [128, 256])


def decode_job(encoded):
    raw = base64.b64decode(encoded)
    return pickle.loads(raw)  # VULN flow


def load_image(key):
    obj = s3.get_object(Bucket=SOURCE_BUCKET, Key=key)
    return Image.open(io.BytesIO(obj["Body"].read()))


def store_thumbnail(asset_id, size, image):
    buf = io.BytesIO()
    image.save(buf, format="WEBP", quality=82)
    key = f"{asset_id}/{size}.webp"
    s3.put_object(Bucket=THUMB_BUCKET, Key=key, Body=buf.getvalue(), ContentType="image/webp")
    return key


@app.task(bind=True, max_retries=3, default_retry_delay=30)
def generate_thumbnails(self, encoded_job):
    job = decode_job(encoded_job)
    sizes = [s for s in job.sizes if s in ALLOWED_SIZES]
    try:
        original = load_image(job.source_key)
    except s3.exceptions.NoSuchKey:
        logger.warning("asset %d source missing", job.asset_id)
        return []
    except OSError as exc:
        raise self.retry(exc=exc)

    keys = []
    for size in sizes:
        thumb = original.copy()
        thumb.thumbnail((size, size))
        keys.append(store_thumbnail(job.asset_id, size, thumb))
    logger.info("asset %d thumbnails=%d", job.asset_id, len(keys))
    return keys

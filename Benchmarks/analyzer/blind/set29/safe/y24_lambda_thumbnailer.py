"""AWS Lambda handler that renders thumbnails for images uploaded to the media bucket."""
import logging
import os
import subprocess
import tempfile
import urllib.parse
import uuid

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMBNAIL_BUCKET = os.environ["THUMBNAIL_BUCKET"]
SIZES = {"small": "160x160", "medium": "480x480"}
IMAGE_FORMATS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}


def render(local_path: str, geometry: str, out_path: str) -> None:
    subprocess.check_call(
        ["convert", local_path, "-auto-orient", "-thumbnail", geometry, "-strip", out_path],
        timeout=60,
    )


def process(bucket: str, key: str) -> dict:
    stem, ext = os.path.splitext(key)
    image_format = IMAGE_FORMATS.get(ext.lower())
    if image_format is None:
        raise ValueError(f"unsupported image type: {key!r}")
    outputs = []
    with tempfile.TemporaryDirectory(prefix="thumbs-") as work_dir:
        local_path = os.path.join(work_dir, f"{uuid.uuid4().hex}{ext.lower()}")
        s3.download_file(bucket, key, local_path)
        for label, geometry in SIZES.items():
            out_path = os.path.join(work_dir, f"{label}.jpg")
            render(f"{image_format}:{local_path}", geometry, f"jpeg:{out_path}")
            thumb_key = f"{label}/{stem}.jpg"
            s3.upload_file(out_path, THUMBNAIL_BUCKET, thumb_key,
                           ExtraArgs={"ContentType": "image/jpeg"})
            outputs.append(thumb_key)
    return {"source": key, "thumbnails": outputs}


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        logger.info("processing s3 object %r from %r", key, bucket)
        try:
            results.append(process(bucket, key))
        except (subprocess.CalledProcessError, ValueError):
            logger.exception("thumbnail rendering failed for %r", key)
            results.append({"source": key, "error": "render failed"})
    return {"processed": results}

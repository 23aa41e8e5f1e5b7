"""S3-triggered Lambda that renders thumbnails for uploaded documents."""
import logging
import os
import subprocess
import tempfile
from urllib.parse import unquote_plus

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMBNAIL_BUCKET", "docs-thumbnails")
SIZES = {"small": "128x128", "medium": "256x256", "large": "512x512"}
SUPPORTED = (".pdf", ".png", ".jpg", ".jpeg", ".tiff")


def render(source, target, geometry):
    command = ["convert", f"{source}[0]", "-thumbnail", geometry, "-background", "white", "-flatten", target]
    subprocess.run(command, shell=False, check=True, timeout=60)


def local_source(workdir, key):
    extension = os.path.splitext(key)[1].lower()
    return os.path.join(workdir, f"source{extension}")


def process_object(bucket, key):
    if not key.lower().endswith(SUPPORTED):
        logger.info("skipping unsupported object %r", key)
        return []
    produced = []
    with tempfile.TemporaryDirectory() as workdir:
        source = local_source(workdir, key)
        s3.download_file(bucket, key, source)
        for label, geometry in SIZES.items():
            target = os.path.join(workdir, f"{label}.jpg")
            render(source, target, geometry)
            thumb_key = f"{os.path.splitext(key)[0]}/{label}.jpg"
            s3.upload_file(target, THUMB_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
            produced.append(thumb_key)
    logger.info("rendered %d thumbnails for %r", len(produced), key)
    return produced


def handler(event, context):
    results = {}
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        try:
            results[key] = process_object(bucket, key)
        except subprocess.SubprocessError as exc:
            logger.error("thumbnail rendering failed for %r: %r", key, exc)
            results[key] = []
    return {"processed": len(results), "thumbnails": results}

"""AWS Lambda handler that renders thumbnails for images uploaded to the media bucket."""
import logging
import os
import subprocess
import tempfile
import urllib.parse

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMBNAIL_BUCKET = os.environ["THUMBNAIL_BUCKET"]
WORK_DIR = os.path.join(tempfile.gettempdir(), "thumbs")
SIZES = {"small": "160x160", "medium": "480x480"}


def render(local_path: str, geometry: str, out_path: str) -> None:
    subprocess.check_call(  # VULN flow
        f"convert {local_path} -auto-orient -thumbnail {geometry} -strip {out_path}",
        shell=True,
        timeout=60,
    )


def process(bucket: str, key: str) -> dict:
    local_path = os.path.join(WORK_DIR, key)
    os.makedirs(os.path.dirname(local_path), exist_ok=True)
    s3.download_file(bucket, key, local_path)  # VULN flow
    stem = os.path.splitext(key)[0]
    outputs = []
    try:
        for label, geometry in SIZES.items():
            out_path = f"{os.path.splitext(local_path)[0]}-{label}.jpg"
            render(local_path, geometry, out_path)
            thumb_key = f"{label}/{stem}.jpg"
            s3.upload_file(out_path, THUMBNAIL_BUCKET, thumb_key,
                           ExtraArgs={"ContentType": "image/jpeg"})
            os.remove(out_path)
            outputs.append(thumb_key)
    finally:
        if os.path.exists(local_path):
            os.remove(local_path)
    return {"source": key, "thumbnails": outputs}


def handler(event, context):
    results = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        logger.info("processing s3 object %r from %r", key, bucket)
        try:
            results.append(process(bucket, key))
        except subprocess.CalledProcessError:
            logger.exception("thumbnail rendering failed for %r", key)
            results.append({"source": key, "error": "render failed"})
    return {"processed": results}

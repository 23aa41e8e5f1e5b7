"""AWS Lambda: generate thumbnails for images uploaded to the UGC bucket."""
import logging
import os
import subprocess
import tempfile
from urllib.parse import unquote_plus

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "ugc-thumbnails")
THUMB_SIZE = "320x320>"


def build_thumbnail(src: str) -> str:
    dst = os.path.splitext(src)[0] + "_thumb.jpg"
    cmd = f"convert '{src}' -auto-orient -thumbnail '{THUMB_SIZE}' -quality 82 '{dst}'"
    subprocess.run(cmd, shell=True, check=True, timeout=60)  # VULN flow
    return dst


def handler(event, context):
    workdir = tempfile.mkdtemp()
    processed = []
    for record in event.get("Records", []):
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        if not key.lower().endswith((".jpg", ".jpeg", ".png", ".webp")):
            continue
        local = os.path.join(workdir, os.path.basename(key))
        s3.download_file(bucket, key, local)
        try:
            thumb = build_thumbnail(local)
        except subprocess.CalledProcessError:
            logger.error("thumbnail generation failed")
            continue
        thumb_key = os.path.splitext(key)[0] + "_thumb.jpg"
        s3.upload_file(thumb, THUMB_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
        processed.append(thumb_key)
        os.remove(local)
        os.remove(thumb)
    return {"processed": len(processed)}

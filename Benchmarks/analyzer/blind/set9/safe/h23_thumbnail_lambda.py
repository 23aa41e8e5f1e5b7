"""AWS Lambda: generate thumbnails for images uploaded to the UGC bucket."""
import logging
import os
import subprocess
import tempfile
import uuid
from urllib.parse import unquote_plus

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "ugc-thumbnails")
THUMB_SIZE = "320x320>"
CODERS = {".jpg": "jpeg", ".jpeg": "jpeg", ".png": "png", ".webp": "webp"}


def build_thumbnail(src: str, coder: str, workdir: str) -> str:
    dst = os.path.join(workdir, f"{uuid.uuid4().hex}_thumb.jpg")
    argv = [
        "convert", f"{coder}:{src}", "-auto-orient", "-thumbnail", THUMB_SIZE,
        "-quality", "82", f"jpeg:{dst}",
    ]
    subprocess.run(argv, check=True, timeout=60)
    return dst


def handler(event, context):
    processed = 0
    with tempfile.TemporaryDirectory() as workdir:
        for record in event.get("Records", []):
            bucket = record["s3"]["bucket"]["name"]
            key = unquote_plus(record["s3"]["object"]["key"])
            coder = CODERS.get(os.path.splitext(key)[1].lower())
            if coder is None:
                continue
            local = os.path.join(workdir, uuid.uuid4().hex)
            s3.download_file(bucket, key, local)
            try:
                thumb = build_thumbnail(local, coder, workdir)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                logger.error("thumbnail generation failed")
                continue
            thumb_key = os.path.splitext(key)[0] + "_thumb.jpg"
            s3.upload_file(thumb, THUMB_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
            processed += 1
    return {"processed": processed}

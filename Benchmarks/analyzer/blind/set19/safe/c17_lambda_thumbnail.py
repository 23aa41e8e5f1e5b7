"""AWS Lambda: generate listing thumbnails for uploaded property photos."""
import json
import logging
import os
import subprocess
import tempfile
import uuid
from urllib.parse import unquote_plus

import boto3

log = logging.getLogger()
log.setLevel(logging.INFO)

s3 = boto3.client("s3")
THUMB_BUCKET = os.environ["THUMB_BUCKET"]
THUMB_SIZE = int(os.environ.get("THUMB_SIZE", "320"))
WORK_DIR = tempfile.mkdtemp(prefix="thumbs-")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")


def _local_path(key):
    ext = os.path.splitext(key)[1].lower()
    return os.path.join(WORK_DIR, uuid.uuid4().hex + ext)


def _resize(src, dst, size):
    cmd = ["convert", src, "-auto-orient", "-thumbnail", f"{size}x{size}", "-strip", dst]
    return subprocess.run(cmd, check=False, timeout=60).returncode


def _thumb_key(key):
    stem, _ = os.path.splitext(key)
    return f"thumbs/{stem}-{THUMB_SIZE}.jpg"


def process_record(record):
    bucket = record["s3"]["bucket"]["name"]
    key = unquote_plus(record["s3"]["object"]["key"])
    if not key.lower().endswith(IMAGE_EXTENSIONS):
        log.info("skipping non-image object %r", key)
        return None
    src = _local_path(key)
    dst = src + ".thumb.jpg"
    os.makedirs(os.path.dirname(src), exist_ok=True)
    s3.download_file(bucket, key, src)
    rc = _resize(src, dst, THUMB_SIZE)
    if rc != 0:
        log.error("convert failed for %r with status %s", key, rc)
        return None
    thumb_key = _thumb_key(key)
    s3.upload_file(dst, THUMB_BUCKET, thumb_key, ExtraArgs={"ContentType": "image/jpeg"})
    for path in (src, dst):
        try:
            os.remove(path)
        except FileNotFoundError:
            pass
    return thumb_key


def handler(event, context):
    created = []
    for record in event.get("Records", []):
        try:
            thumb = process_record(record)
        except Exception:
            log.exception("failed to process record")
            continue
        if thumb:
            created.append(thumb)
    log.info("created %d thumbnails", len(created))
    return {"statusCode": 200, "body": json.dumps({"thumbnails": created})}
